import { prewarmOrder } from './prewarmOrder';

const cameras = ['cam-1', 'cam-2', 'cam-3', 'cam-4'].map((id) => ({ id }));
const order = (first: string[]) => prewarmOrder(cameras, first).map((i) => `${i.camera.id}/${i.stream}`);

describe('prewarmOrder', () => {
  it("encodes the first cameras' sub streams before any other loop", () => {
    expect(order(['cam-3', 'cam-1'])).toEqual([
      'cam-3/sub',
      'cam-1/sub',
      'cam-2/sub',
      'cam-4/sub',
      'cam-1/main',
      'cam-2/main',
      'cam-3/main',
      'cam-4/main',
    ]);
  });

  it('keeps the cameras in order without first ones, and skips unknown or repeated ids', () => {
    const plain = order([]);
    expect(plain.slice(0, 4)).toEqual(['cam-1/sub', 'cam-2/sub', 'cam-3/sub', 'cam-4/sub']);
    expect(order(['cam-9', 'cam-2', 'cam-2'])).toEqual([
      'cam-2/sub',
      'cam-1/sub',
      'cam-3/sub',
      'cam-4/sub',
      ...plain.slice(4),
    ]);
    expect(new Set(order(['cam-4'])).size).toBe(8);
  });
});
