// Runs in: tests (jsdom). jsdom lays nothing out: for the virtualised queue, every box is given a
// height (600 px by default, about 21 rows) and room to scroll, and scrolling moves scrollTop and
// tells its listeners, as a browser does. Call at the top of a test file.
import { afterAll, beforeAll } from 'vitest';

export function layOutLists(viewHeight = 600): void {
  const saved = {
    clientHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight'),
    clientWidth: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth'),
    scrollHeight: Object.getOwnPropertyDescriptor(Element.prototype, 'scrollHeight'),
    scrollTo: Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTo'),
  };
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get: () => viewHeight,
    });
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 600 });
    Object.defineProperty(Element.prototype, 'scrollHeight', { configurable: true, get: () => 10_000_000 });
    Object.defineProperty(Element.prototype, 'scrollTo', {
      configurable: true,
      value(this: Element, opts: ScrollToOptions) {
        this.scrollTop = opts.top ?? this.scrollTop;
        // After the call, as a browser reports scrolling (not inside a React render).
        queueMicrotask(() => this.dispatchEvent(new Event('scroll')));
      },
    });
  });
  afterAll(() => {
    for (const [k, d] of Object.entries(saved)) {
      const proto = k === 'scrollTo' || k === 'scrollHeight' ? Element.prototype : HTMLElement.prototype;
      if (d) Object.defineProperty(proto, k, d);
      else Reflect.deleteProperty(proto, k);
    }
  });
}
