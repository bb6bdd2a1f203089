// Link quality from MAVLink sequence numbers: every sender increments seq per frame, so a jump means
// frames lost on the way. Tracked per (sysid, compid); the percentage decays so it follows the link now.
const WINDOW = 200;

export class LinkQuality {
  // Indexed by (sysid << 8 | compid); -1 = not heard yet. A typed array: this runs for every frame.
  private readonly lastSeq = new Int16Array(65536).fill(-1);
  private received = 0;
  private lost = 0;

  /** Record a frame; returns how many frames were missed just before it. */
  record(sysid: number, compid: number, seq: number): number {
    const key = (sysid << 8) | compid;
    const last = this.lastSeq[key];
    this.lastSeq[key] = seq;
    let gap = 0;
    if (last >= 0) {
      gap = (seq - last - 1) & 0xff;
      // A huge gap is a sender restart or a duplicate, not 250 lost frames.
      if (gap > 128) gap = 0;
    }
    this.received++;
    this.lost += gap;
    if (this.received + this.lost > WINDOW) {
      this.received /= 2;
      this.lost /= 2;
    }
    return gap;
  }

  /** 0..100, or null before any frame. */
  get percent(): number | null {
    const total = this.received + this.lost;
    return total === 0 ? null : Math.round((100 * this.received) / total);
  }
}
