import { registryFromConfig } from '@yatra/nodes';
import config from '../../yatra.config';

/**
 * The web app's node types: the built-ins plus the custom nodes listed in yatra.config.ts (a
 * static import, so Next bundles them). Server-side only: the browser gets descriptors.
 */
export const nodeRegistry = registryFromConfig(config);
