// The station's one stream of events, fanned out to every subscriber (each UI connection). A
// subscriber that throws is its own problem: the others still get the event.
import type { EventListener, EventName, Events } from '../../../shared/contract/api';

export class EventHub {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit<E extends EventName>(name: E, payload: Events[E]): void {
    for (const l of [...this.listeners]) {
      try {
        l(name, payload);
      } catch {
        // A broken connection's listener must not stop the station's loop.
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
