import type { Route } from '../http/router';
import { authRoutes } from './auth';
import { projectRoutes } from './projects';
import { serverInfoRoutes } from './server-info';
import { siteRoutes } from './sites';

export { controlRoutes } from './control';

/** Every REST route, relative to /api/{version}. Later tasks add their route lists here. */
export const apiRoutes: readonly Route[] = [...authRoutes, ...serverInfoRoutes, ...siteRoutes, ...projectRoutes];
