<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AlarmText</name>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Major</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reachability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SNMP agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interface %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storage %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>service %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (until %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged by %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until the alarm clears or gets worse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suppressed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledgement withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledgement lapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suppressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no longer suppressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maintenance started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maintenance ended</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::AcknowledgeDialog</name>
    <message numerus="yes">
        <source>Acknowledge %n alarm(s)</source>
        <translation>
            <numerusform>Acknowledge %n alarm</numerusform>
            <numerusform>Acknowledge %n alarms</numerusform>
        </translation>
    </message>
    <message>
        <source>What is being done, and by whom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until cleared or worse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until a date and time…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alarms stay listed; they stop flashing on the NOC wall until the acknowledgement expires or an alarm gets worse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A comment is required: say what is being done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comment is %1 characters long; at most %2 are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expiry must lie in the future.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::AlarmDetailDialog</name>
    <message>
        <source>Alarm %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleared %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine recorded no history for this alarm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::AlarmModel</name>
    <message>
        <source>Device id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::AlarmsPage</name>
    <message>
        <source>Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trap log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All severities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minor and worse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Major and worse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by device or cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only alarms nobody has acknowledged that are not suppressed or in maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include suppressed and in maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unacknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New window…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from the engine: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed for your role: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine refused the request (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: these are the last known alarms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to an engine to see its alarms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading alarms…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) in the engine&apos;s answer could not be read.</source>
        <translation>
            <numerusform>%n alarm in the engine&apos;s answer could not be read.</numerusform>
            <numerusform>%n alarms in the engine&apos;s answer could not be read.</numerusform>
        </translation>
    </message>
    <message>
        <source>No maintenance window is planned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No trap has been received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not acknowledge alarms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not plan maintenance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n alarm(s)</source>
        <translation>
            <numerusform>%1 of %n alarm</numerusform>
            <numerusform>%1 of %n alarms</numerusform>
        </translation>
    </message>
    <message>
        <source>Select at most %1 alarms at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alarm %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Acknowledged %1 of %n alarm(s).</source>
        <translation>
            <numerusform>Acknowledged %1 of %n alarm.</numerusform>
            <numerusform>Acknowledged %1 of %n alarms.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Withdrew the acknowledgement of %1 of %n alarm(s).</source>
        <translation>
            <numerusform>Withdrew the acknowledgement of %1 of %n alarm.</numerusform>
            <numerusform>Withdrew the acknowledgement of %1 of %n alarms.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance window &quot;%1&quot; planned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End maintenance window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End &quot;%1&quot; now? Its alarms will want attention again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel &quot;%1&quot;? It has not started yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance window &quot;%1&quot; ended.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::CommandLineOptions</name>
    <message>
        <source>NOC console for the domain-name registry engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect with the saved profile &lt;name&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect directly over TLS to &lt;url&gt; (https://host:port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify the engine&apos;s certificate against the CA in &lt;file&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in as &lt;name&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the password from the first line of &lt;file&gt; (must be mode 0600).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &lt;language&gt; (en, de or fr) for this run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--connect needs an address like https://127.0.0.1:9443, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; use one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--ca, --user and --password-file need --profile or --connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no saved profile called &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the password file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password file %1 is accessible to other users; run &quot;chmod 600 %1&quot; first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password file %1 is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password file %1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::ConnectDialog</name>
    <message>
        <source>Connect to a registry engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile name must not start or end with spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another profile is already called &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the host name or address of the management API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the port of the management API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the user name to log in with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA certificate file %1 does not exist or cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pinned fingerprint is not a SHA-256 fingerprint (64 hexadecimal digits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the SSH server to tunnel through.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the SSH server&apos;s port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the SSH user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the SSH private key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH key file %1 does not exist or cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH tunnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transport:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For an SSH tunnel, the address as seen from the SSH server (usually 127.0.0.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: use the pinned fingerprint, or ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the pinned certificate; the next connection asks again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH user:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>~/.ssh/known_hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known hosts file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the SSH private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the known hosts file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::ConnectionIndicator</name>
    <message>
        <source>Connected to %1 · %2 · via SSH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1 · %2 · TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Stale — no heartbeat for %n s</source>
        <translation>
            <numerusform>Stale — no heartbeat for %n s</numerusform>
            <numerusform>Stale — no heartbeat for %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disconnected — reconnecting in %n s</source>
        <translation>
            <numerusform>Disconnected — reconnecting in %n s</numerusform>
            <numerusform>Disconnected — reconnecting in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Disconnected — reconnecting now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected — %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::ConsoleSession</name>
    <message>
        <source>%1 Next attempt in %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the SSH tunnel to %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for approval of the SSH host key of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for approval of the server certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging in to %1 as %2...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the management API: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine answered the login without a token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine refused the login (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account %1 is locked: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login as %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine is not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine rejected the login request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the engine status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event stream presented a different certificate than the API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1 as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session token expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine serves too many consoles right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine closed the event stream: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the engine was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the event stream: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No word from the engine for %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No heartbeat from the engine for %1 s; the data shown may be out of date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server certificate was not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH host key was not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to an engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an API path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting to %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a method the console sends.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::CriticalAlarmIndicator</name>
    <message>
        <source>Show the alarms that need attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n critical/major alarm(s) need attention</source>
        <translation>
            <numerusform>%n critical/major alarm needs attention</numerusform>
            <numerusform>%n critical/major alarms need attention</numerusform>
        </translation>
    </message>
    <message>
        <source>No critical alarms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::DevicePage</name>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not polled (no SNMP settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SNMP v%1, disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SNMP v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no status yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, in maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 % used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The metrics could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alarms could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine&apos;s answer had no samples.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No samples in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reachability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (behind %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No active alarms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ifIndex %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the topology map (Alt+Left, Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depends on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reachability:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round trip:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last polled:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interfaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round trip (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::DirectoryClientModel</name>
    <message>
        <source>Whois</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RDAP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% of its queries refused by the rate limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::DirectoryPage</name>
    <message>
        <source>the engine&apos;s answer is not directory statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed for your role: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from the engine: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine refused the request (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All queries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whois</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RDAP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queries per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refusals per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache hits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>% of lookups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to an engine to see its Whois and RDAP services at work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading directory statistics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whois is not running; the charts show RDAP only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RDAP is not running; the charts show Whois only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Rates appear with the next update (every %n second(s)).</source>
        <translation>
            <numerusform>Rates appear with the next update (every %n second).</numerusform>
            <numerusform>Rates appear with the next update (every %n seconds).</numerusform>
        </translation>
    </message>
    <message>
        <source>No directory statistics: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whois/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RDAP/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate-limited/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cached records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Queries per second (last %n minute(s))</source>
        <translation>
            <numerusform>Queries per second (last %n minute)</numerusform>
            <numerusform>Queries per second (last %n minutes)</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused by rate limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache hit ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busiest clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client has queried Whois or RDAP yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::DnsPage</name>
    <message>
        <source>the engine&apos;s answer is not DNS statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed for your role: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from the engine: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine refused the request (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All queries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UDP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queries per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answers per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Truncated (TC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped by rate limiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to an engine to see its DNS server at work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading DNS statistics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Rates appear with the next update (every %n second(s)).</source>
        <translation>
            <numerusform>Rates appear with the next update (every %n second).</numerusform>
            <numerusform>Rates appear with the next update (every %n seconds).</numerusform>
        </translation>
    </message>
    <message>
        <source>Queries/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UDP/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queries since start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrals/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Truncated/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate-limited/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Queries per second (last %n minute(s))</source>
        <translation>
            <numerusform>Queries per second (last %n minute)</numerusform>
            <numerusform>Queries per second (last %n minutes)</numerusform>
        </translation>
    </message>
    <message>
        <source>Zones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server publishes no zones yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No DNS statistics: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By response code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrals, TC, rate limits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::DnsZoneModel</name>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::EventLogModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event stream opened as %1 (engine %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine is shutting down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine is shutting down (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No heartbeat from the engine: the data shown may be old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::InterfaceTableModel</name>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down although administratively up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::MainWindow</name>
    <message>
        <source>Some saved profiles could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About noc-console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>noc-console %1

The network operations console for the domain-name registry engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health &amp; Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page will list trouble tickets with their escalation timers for each help-desk tier. The engine does not provide tickets yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page will show full and incremental backups, the tape rotation and escrow deposits. The engine does not provide backup status yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page will chart availability and response times against the service-level targets. The engine does not provide SLA measurements yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About noc-console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine refused the login as &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned the certificate of %1 in profile &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection profiles could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging in as %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STALE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No heartbeat from the engine since %1. What you see may be out of date; the console reconnects if the engine stays silent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DISCONNECTED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything below is the last known state. Reconnecting automatically at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>login failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a connection profile to connect to a registry engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console is not connected to the engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything below is the last known state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOC Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything below is the last known state. Reconnecting to %1 now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reconnect Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try to reconnect at once instead of waiting for the next automatic attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect and stop reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whois &amp; RDAP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wall Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full screen for a NOC wall: no navigation or menus, larger text (Esc leaves)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm &amp;Sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beep every few seconds while a new critical or major alarm is unacknowledged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::MaintenanceModel</name>
    <message>
        <source>site %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weekly on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::MaintenanceWindowDialog</name>
    <message>
        <source>New maintenance window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Core router firmware upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites (every device there):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the window a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one device or site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end must come after the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A repeating window lasts at most 24 hours each time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window would already be over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the weekdays the window repeats on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last day comes before the first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::MonitorInterfaceState</name>
    <message>
        <source>up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>testing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dormant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lower layer down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::MonitorTranslator</name>
    <message>
        <source>Not polled (no SNMP settings, or disabled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not polled yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreachable behind %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last poll was not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last poll was not answered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active %1 alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the engine&apos;s status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::OverviewPage</name>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s), %1</source>
        <translation>
            <numerusform>%n day, %1</numerusform>
            <numerusform>%n days, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uptime:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal head:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (last known)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash of the newest entry: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No engine connected. Connect to a registry engine to see its live status here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live — last update %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not live — showing the last known state as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest entry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head hash:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::PasswordDialog</name>
    <message>
        <source>Log in to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2 through SSH to %3@%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the registry engine at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leave empty if the key has none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwords are kept in memory for automatic reconnects and never saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::ProfileStore</name>
    <message>
        <source>A connection profile needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: the management API host is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: the management API port must be between 1 and 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: the user name is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: the pinned fingerprint is not a SHA-256 fingerprint (64 hexadecimal digits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: the SSH host is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: the SSH port must be between 1 and 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: the SSH user is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: public-key authentication needs a private key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection profile %1: unknown transport &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection profile %1: unknown SSH authentication &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection profile %1: a port is not a number between 1 and 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection profile &quot;%1&quot; appears twice; the second is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two connection profiles are named &quot;%1&quot;; names must be unique.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the connection profiles to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::RegistrarActivityModel</name>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s); %1</source>
        <translation>
            <numerusform>%n year; %1</numerusform>
            <numerusform>%n years; %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server TRID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::RegistryPage</name>
    <message>
        <source>Type part of a name or ID to search for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading registrars…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n registrar(s).</source>
        <translation>
            <numerusform>%n registrar.</numerusform>
            <numerusform>%n registrars.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) so far; more are available.</source>
        <translation>
            <numerusform>%n result so far; more are available.</numerusform>
            <numerusform>%n results so far; more are available.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s).</source>
        <translation>
            <numerusform>%n result.</numerusform>
            <numerusform>%n results.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nameservers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subordinate hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DS records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grace periods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Superordinate domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv4 addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv6 addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked domains (count)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State/province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IANA ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low-balance warning at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XRP users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed client addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts (count)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed for your role: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from the engine: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine refused the request (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain, host, contact ID or registrar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match anywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find names that contain the text anywhere, not only at the start (slower on a large registry)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All registrars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load older entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XRP audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrar %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected. Connect to a registry engine to search its domains, hosts, contacts and registrars.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by the start of a name or ID, or list all registrars.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click an underlined value to open that object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::RegistrySearchModel</name>
    <message>
        <source>in-registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>external</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::ServerTrust</name>
    <message>
        <source>Cannot read the CA file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA file %1 is too large to be a certificate file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA file %1 holds no PEM certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pinned certificate fingerprint &quot;%1&quot; is not a SHA-256 fingerprint (64 hexadecimal digits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server presented no certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server certificate (SHA-256 %1) does not verify against the CA file %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING: the server certificate has changed. Expected SHA-256 %1 but the server presented %2. Someone may be intercepting the connection (man in the middle). If the certificate was replaced on purpose, clear the pinned fingerprint in the connection profile and connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pinned server certificate (SHA-256 %1) is not acceptable: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server certificate (SHA-256 %1) is not acceptable: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No CA file is configured and no certificate is pinned for this connection.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::ServiceStatusModel</name>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::SshTunnelWorker</name>
    <message>
        <source>Cannot create an SSH session (out of memory).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect to the SSH server %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH server %1 sent no usable host key: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING: THE SSH HOST KEY OF %1 HAS CHANGED. It now presents the %2 key %3, but %4 records %5. Someone could be intercepting the connection (man-in-the-middle attack), or the host key was replaced. The connection was refused; if the change is expected, remove the old key from %4 and connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a different key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING: the SSH server %1 presented a %2 key (%3), but %4 holds a key of a different type for this host. Someone could be intercepting the connection (man-in-the-middle attack). The connection was refused; if the change is expected, remove the old key from %4 and connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot check the host key of %1 against %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key of %1 was not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the SSH private key %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot load the SSH private key %1: it is not a private key, or the passphrase is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH server %1 refused the %2 for user %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH server %1 asks for a further authentication method, which the console does not support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH authentication with %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot set up the SSH event loop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open a local port for the SSH tunnel: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH connection to %1 was lost: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::TopologyLegend</name>
    <message>
        <source>Link utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map legend</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::TopologyMapView</name>
    <message>
        <source>Topology map</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::TopologyPage</name>
    <message>
        <source>The layout was not saved: not connected. It will be saved with the next move.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: the map shows the state last received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The topology could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device status could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The layout was not saved: %1. The devices stay where you put them; moving one tries again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 up · %2 with alarms · %3 down · %4 unknown · %5 stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the topology and the state of every device again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole map (0)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::TopologyScene</name>
    <message>
        <source>No site</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::TopologyStyle</name>
    <message>
        <source>%1, %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, in maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)
Status: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale: not polled recently; the status may be out of date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cause: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last polled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>major</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreachable (behind a failed parent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>router</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>firewall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>load balancer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registryd node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; 50 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>50-80 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>80-95 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&gt;= 95 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale (not polled recently)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::TrapLogModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1 inform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1 trap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trap OID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trap OID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SNMPv3 user: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm event: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Varbinds are not sent on the live stream; refresh the trap log to read them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No varbinds.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noc::TrustDialog</name>
    <message>
        <source>The engine presented a certificate this console cannot verify. Compare the fingerprint with the one shown by the engine&apos;s administrator (for example from &quot;openssl x509 -fingerprint -sha256&quot;) before trusting it. If you did not expect this, cancel: someone may be intercepting the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unverified server certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust and pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH server&apos;s host key is not in your known_hosts file. Compare the fingerprint with the one the server&apos;s administrator gives you (for example from &quot;ssh-keygen -lf&quot; on the server&apos;s host key) before accepting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown SSH host key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA256 fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept and save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none given)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
