import type { Route } from '../http/router';
import { authRoutes } from './auth';
import { projectRoutes } from './projects';
import { serverInfoRoutes } from './server-info';
import { siteRoutes } from './sites';
import { favoriteRoutes } from './favorites';
import { groupRoutes } from './groups';
import { scheduleRoutes } from './schedules';
import { userContentRoutes } from './user-content';
import { userRoutes } from './users';
import { datasourceRoutes } from './datasources';
import { fileUploadRoutes } from './file-uploads';
import { viewRoutes } from './views';
import { workbookRoutes } from './workbooks';

export { controlRoutes } from './control';

/** Every REST route, relative to /api/{version}. Later tasks add their route lists here. */
export const apiRoutes: readonly Route[] = [...authRoutes, ...serverInfoRoutes, ...siteRoutes, ...projectRoutes, ...userRoutes, ...userContentRoutes, ...groupRoutes, ...favoriteRoutes, ...scheduleRoutes, ...workbookRoutes, ...viewRoutes, ...datasourceRoutes, ...fileUploadRoutes];
