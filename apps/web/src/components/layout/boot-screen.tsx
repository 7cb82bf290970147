import { Loading } from '../ui/loading';
import './layout.css';

/** Shown while the first screen's data loads (react-router's HydrateFallback). */
export function BootScreen() {
  return (
    <div className="boot">
      <Loading label="Loading the dashboard" />
    </div>
  );
}
