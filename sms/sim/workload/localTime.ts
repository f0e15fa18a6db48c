/** Local time in London, which drives the City's daily rhythm (GMT in winter, BST in summer). */
export interface LocalTime {
  /** 0–23. */
  hour: number;
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const format = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: 'numeric',
  hourCycle: 'h23',
  weekday: 'short',
});

let cachedMinute = NaN;
let cached: LocalTime = { hour: 0, weekday: 0 };

/** The Europe/London hour and weekday of an instant (cached per minute: the simulator asks every tick). */
export function londonTime(ms: number): LocalTime {
  const minute = Math.floor(ms / 60_000);
  if (minute !== cachedMinute) {
    cached = compute(ms);
    cachedMinute = minute;
  }
  return cached;
}

function compute(ms: number): LocalTime {
  let hour = 0;
  let weekday = 0;
  for (const part of format.formatToParts(ms)) {
    if (part.type === 'hour') hour = Number(part.value) % 24;
    else if (part.type === 'weekday') weekday = Math.max(0, WEEKDAYS.indexOf(part.value));
  }
  return { hour, weekday };
}
