/**
 * A two-tone alert generated with WebAudio (no binary asset to ship or license), repeated
 * every few seconds until acknowledged. Browsers only allow sound after a user gesture; the
 * dispatcher has signed in and typed by then, and a failure to play is silent, since the visual
 * announcement carries the same information.
 */
export class ToneAlarm {
  private context: AudioContext | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  start(): void {
    if (this.timer) return;
    this.beep();
    this.timer = setInterval(() => this.beep(), 4_000);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private beep(): void {
    try {
      this.context ??= new AudioContext();
      const ctx = this.context;
      const t = ctx.currentTime;
      [880, 660, 880].forEach((freq, i) => {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.type = 'square';
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.0001, t + i * 0.2);
        gain.gain.exponentialRampToValueAtTime(0.15, t + i * 0.2 + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, t + i * 0.2 + 0.18);
        osc.connect(gain).connect(ctx.destination);
        osc.start(t + i * 0.2);
        osc.stop(t + i * 0.2 + 0.2);
      });
    } catch {
      // No audio device (or not allowed yet): the banner still announces it.
    }
  }
}
