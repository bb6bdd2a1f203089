// The app shell. One view for now (Fly); Plan and Replay join here.
import { FlyView } from './views/fly/FlyView';

export function App() {
  return <FlyView />;
}
