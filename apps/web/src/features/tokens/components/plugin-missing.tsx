import { Alert } from '../../../components/ui/alert';

/** devpi runs without devpi-tokens: what that means and how to add it. */
export function PluginMissing() {
  return (
    <Alert tone="info" title="devpi runs without the devpi-tokens plugin">
      <p>
        Tokens are an optional plugin of devpi-server. Until it is installed, CI jobs have to use a user's password. To add it, install the plugin
        next to devpi-server and restart devpi:
      </p>
      <pre className="code-block">pip install devpi-tokens==1.0.1{'\n'}# then restart devpi-server; start it with --secretfile so tokens survive restarts</pre>
      <p>The devpi image of this project's docker-compose already includes it.</p>
    </Alert>
  );
}
