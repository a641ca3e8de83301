/** The app frame: navigation on the left, the chosen screen on the right; Alt+key switches screens. */
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { screens } from './screens';
import { preloadLater } from '../ui/later';
import { StatusPanel } from './StatusPanel';
import { PracticeBanner } from './PracticeBanner';
import { useListKeys } from '../ui/keyboard';
import { parsePrintRoute } from '../print/route';

// Print views (and the barcode library they draw with) load only when one is opened.
const PrintScreen = lazy(() => import('../print/PrintScreen').then((m) => ({ default: m.PrintScreen })));

export function App() {
  const [current, setCurrent] = useState(() => location.hash.slice(1) || screens[0]?.id || '');
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey) return;
      const screen = screens.find((s) => s.key === event.key.toLowerCase());
      if (screen) {
        event.preventDefault();
        setCurrent(screen.id);
      }
    };
    // A link or the address bar can change the screen too.
    const onHash = () => setCurrent(location.hash.slice(1) || screens[0]?.id || '');
    window.addEventListener('keydown', onKey);
    window.addEventListener('hashchange', onHash);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('hashchange', onHash);
    };
  }, []);
  useListKeys();
  useEffect(() => {
    history.replaceState(null, '', `${location.pathname}${location.search}#${current}`);
  }, [current]);
  useEffect(() => {
    // The other screens' code (and the first screen's forms and panels), once the first screen is up and the page has nothing else to do.
    const timer = setTimeout(() => requestIdleCallback(preloadLater, { timeout: 2000 }), 1000);
    return () => clearTimeout(timer);
  }, []);

  // A print view (#print/…) is a page of its own, opened from a screen's Print button.
  const printRoute = parsePrintRoute(current);
  const screen = printRoute ? undefined : (screens.find((s) => s.id === current) ?? screens[0]);
  const Screen = screen?.component;
  return (
    <div className="app">
      <nav className="nav" aria-label="Screens">
        <div className="brand">ShelfSync</div>
        {screens.map((s) => (
          <button
            key={s.id}
            type="button"
            className={s.id === screen?.id ? 'nav-item active' : 'nav-item'}
            aria-current={s.id === screen?.id ? 'page' : undefined}
            title={`Alt+${s.key.toUpperCase()}`}
            onClick={() => setCurrent(s.id)}
          >
            {s.label}
          </button>
        ))}
        <StatusPanel />
      </nav>
      <main className="screen">
        <PracticeBanner />
        {printRoute ? (
          <Suspense fallback={<p className="hint">Opening the print view…</p>}><PrintScreen route={printRoute} /></Suspense>
        ) : Screen ? (
          <Suspense fallback={<p className="hint">Opening…</p>}>
            <Focused key={screen.id}><Screen /></Focused>
          </Suspense>
        ) : null}
      </main>
    </div>
  );
}

/**
 * A screen opens with the keyboard in it: its scan field if it has one (ScanField takes focus itself),
 * else its search box, so arrow keys reach the list. Runs once the screen is in the page (a screen
 * whose code loads on demand is there only after it arrived).
 */
function Focused(props: { children: ReactNode }) {
  useEffect(() => {
    const main = document.querySelector('main');
    if (main && !main.contains(document.activeElement)) main.querySelector<HTMLElement>('input[name=scan], input[type=search]')?.focus();
  }, []);
  return props.children;
}
