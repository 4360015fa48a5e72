// Plain CSS files are imported from TSX for their side effect; Vite bundles them.
declare module '*.css';
