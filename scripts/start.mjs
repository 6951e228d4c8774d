// `npm start`: install what is missing, then serve the app on http://localhost:5173.
import { ensureDependencies, run } from './ensure.mjs';

ensureDependencies();
process.exit(run('npx', ['vite', '--port', '5173', '--strictPort', ...process.argv.slice(2)]));
