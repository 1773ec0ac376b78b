import { createApp } from '@backstage/frontend-defaults';
import { navModule } from './modules/nav';

// Plugins listed in package.json are discovered through `app.packages: all`;
// only app-specific modules are passed here.
export default createApp({
  features: [navModule],
});
