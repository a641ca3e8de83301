/**
 * The page's first script, kept small: it asks for the first screen's data (`shell/boot.ts`), then
 * loads React and the frame (`shell/mount.tsx`, fetched in parallel: the built page preloads it).
 */
import { askForFirstScreen } from './shell/boot';
import './styles.css';
import './layout.css';

performance.mark('shelfsync:first-script');
askForFirstScreen();
void import('./shell/mount');
