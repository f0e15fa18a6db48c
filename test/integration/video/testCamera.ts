// A fixed camera record for the HLS tests, valid by the protocol's schema: id, name, owner, main
// profile and online state are what the tests vary.
import { CameraSchema, type Camera, type CameraOwner } from '../../../shared/protocol';
import { STREAM_PROFILES, streamUrl } from '../../../sms/video/profiles';

export interface TestCameraOptions {
  name?: string;
  owner?: CameraOwner;
  main?: 'mainH264' | 'mainH265';
  online?: boolean;
}

export function testCamera(id: string, options: TestCameraOptions = {}): Camera {
  return CameraSchema.parse({
    id,
    name: options.name ?? `Camera ${id}`,
    owner: options.owner ?? 'city_police',
    position: { lon: -0.0886, lat: 51.5133 },
    bearing: 90,
    fov: 60,
    range: 120,
    ptz: false,
    ptzState: null,
    online: options.online ?? true,
    streams: {
      main: { url: streamUrl(id, 'main'), ...STREAM_PROFILES[options.main ?? 'mainH264'] },
      sub: { url: streamUrl(id, 'sub'), ...STREAM_PROFILES.sub },
    },
  });
}
