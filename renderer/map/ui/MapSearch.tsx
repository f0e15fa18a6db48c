import { useId, useMemo, useState } from 'react';
import { PLACE_KIND_LABEL } from '../../../shared/domain/labels';
import { searchPlaces, type Place } from '../../../shared/geo/placeIndex';

/** Offline search of streets, landmarks, stations and wards: type, arrow down, Enter. */
export function MapSearch({ places, onChoose }: { places: readonly Place[]; onChoose: (place: Place) => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  // Closed once a place is chosen, open again as soon as the operator types.
  const [closed, setClosed] = useState(false);
  const listId = useId();
  const results = useMemo(() => searchPlaces(places, query), [places, query]);
  const choose = (place: Place) => {
    onChoose(place);
    setQuery(place.name);
    setClosed(true);
  };
  const open = !closed && query.trim() !== '' && results.length > 0;
  return (
    <div className="map-search">
      <label htmlFor={`${listId}-input`}>Search places</label>
      <input
        id={`${listId}-input`}
        type="search"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        autoComplete="off"
        placeholder="Street, landmark or ward"
        value={query}
        onBlur={() => setClosed(true)}
        onFocus={() => setClosed(false)}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setClosed(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, results.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && results[active]) choose(results[active]);
          else if (e.key === 'Escape') setQuery('');
          else return;
          e.preventDefault();
        }}
      />
      {open && (
        <ul id={listId} role="listbox" aria-label="Places found" className="map-search__results">
          {results.map((place, i) => (
            <li
              key={`${place.kind}:${place.name}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(place);
              }}
            >
              <span>{place.name}</span> <span className="map-search__kind">{PLACE_KIND_LABEL[place.kind]}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
