import { xml, type RouteResponse } from '../http/respond';
import type { Route } from '../http/router';
import { LATEST_API_VERSION, PRODUCT_BUILD, PRODUCT_VERSION } from '../version';

/** Server Info: unauthenticated, in the XSD serverInfo order. */
function serverInfo(): RouteResponse {
  return xml(200, {
    serverInfo: {
      productVersion: { '#text': PRODUCT_VERSION, '@_build': PRODUCT_BUILD },
      prepConductorVersion: PRODUCT_BUILD,
      restApiVersion: LATEST_API_VERSION,
      platform: 'linux',
      serverSettings: {
        oAuthEnabled: true,
        sheetImageMaxAgeFloor: 1,
        sheetImageMaxAgeCeiling: 720,
        offlineInteractionSupportedPhase: 0,
      },
    },
  });
}

export const serverInfoRoutes: Route[] = [{ method: 'GET', path: '/serverinfo', handler: serverInfo }];
