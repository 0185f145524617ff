// Side-effect style imports (app/globals.css, React Flow's stylesheet); Next bundles them.
declare module '*.css';
