/** The per-request context every resolver receives: the app's services, fresh loaders and the viewer. */
import type { Viewer } from '../auth/viewer';
import type { App } from '../app';
import { createLoaders, type Loaders } from './loaders';

export interface GraphQLContext {
  app: App;
  loaders: Loaders;
  viewer: Viewer;
}

export function createContext(app: App, viewer: Viewer): GraphQLContext {
  return { app, loaders: createLoaders(app.store), viewer };
}
