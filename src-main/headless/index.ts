export { startHeadless, type HeadlessServer, type HeadlessOptions } from './server';
