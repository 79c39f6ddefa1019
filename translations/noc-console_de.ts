<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AlarmText</name>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>Schwer</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>Leicht</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>reachability</source>
        <translation>Erreichbarkeit</translation>
    </message>
    <message>
        <source>SNMP agent</source>
        <translation>SNMP-Agent</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>restart</source>
        <translation>Neustart</translation>
    </message>
    <message>
        <source>interface %1</source>
        <translation>Schnittstelle %1</translation>
    </message>
    <message>
        <source>storage %1</source>
        <translation>Datenträger %1</translation>
    </message>
    <message>
        <source>service %1</source>
        <translation>Dienst %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (until %2)</source>
        <translation>%1 (bis %2)</translation>
    </message>
    <message>
        <source>Acknowledged by %1 at %2</source>
        <translation>Bestätigt von %1 um %2</translation>
    </message>
    <message>
        <source>Expires at %1</source>
        <translation>Läuft ab um %1</translation>
    </message>
    <message>
        <source>Until the alarm clears or gets worse</source>
        <translation>Bis der Alarm endet oder sich verschlimmert</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>suppressed by %1</source>
        <translation>unterdrückt durch %1</translation>
    </message>
    <message>
        <source>in maintenance</source>
        <translation>in Wartung</translation>
    </message>
    <message>
        <source>raised</source>
        <translation>ausgelöst</translation>
    </message>
    <message>
        <source>escalated</source>
        <translation>verschärft</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>acknowledgement withdrawn</source>
        <translation>Bestätigung zurückgenommen</translation>
    </message>
    <message>
        <source>acknowledgement lapsed</source>
        <translation>Bestätigung verfallen</translation>
    </message>
    <message>
        <source>suppressed</source>
        <translation>unterdrückt</translation>
    </message>
    <message>
        <source>no longer suppressed</source>
        <translation>nicht mehr unterdrückt</translation>
    </message>
    <message>
        <source>maintenance started</source>
        <translation>Wartung begonnen</translation>
    </message>
    <message>
        <source>maintenance ended</source>
        <translation>Wartung beendet</translation>
    </message>
</context>
<context>
    <name>noc::AcknowledgeDialog</name>
    <message numerus="yes">
        <source>Acknowledge %n alarm(s)</source>
        <translation>
            <numerusform>%n Alarm bestätigen</numerusform>
            <numerusform>%n Alarme bestätigen</numerusform>
        </translation>
    </message>
    <message>
        <source>What is being done, and by whom</source>
        <translation>Was wird getan, und von wem</translation>
    </message>
    <message>
        <source>Until cleared or worse</source>
        <translation>Bis beendet oder schlimmer</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 Stunden</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 Stunden</translation>
    </message>
    <message>
        <source>Until a date and time…</source>
        <translation>Bis zu Datum und Uhrzeit…</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Kommentar:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Läuft ab:</translation>
    </message>
    <message>
        <source>The alarms stay listed; they stop flashing on the NOC wall until the acknowledgement expires or an alarm gets worse.</source>
        <translation>Die Alarme bleiben aufgelistet; sie blinken auf der NOC-Wand nicht mehr, bis die Bestätigung abläuft oder sich ein Alarm verschlimmert.</translation>
    </message>
    <message>
        <source>A comment is required: say what is being done.</source>
        <translation>Ein Kommentar ist erforderlich: Sagen Sie, was getan wird.</translation>
    </message>
    <message>
        <source>The comment is %1 characters long; at most %2 are allowed.</source>
        <translation>Der Kommentar ist %1 Zeichen lang; höchstens %2 sind erlaubt.</translation>
    </message>
    <message>
        <source>The expiry must lie in the future.</source>
        <translation>Der Ablauf muss in der Zukunft liegen.</translation>
    </message>
</context>
<context>
    <name>noc::AlarmDetailDialog</name>
    <message>
        <source>Alarm %1</source>
        <translation>Alarm %1</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Notified</source>
        <translation>Benachrichtigt</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Verlauf wird geladen…</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Raised %1 (%2)</source>
        <translation>Ausgelöst %1 (%2)</translation>
    </message>
    <message>
        <source>Cleared %1</source>
        <translation>Beendet %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>The engine recorded no history for this alarm.</source>
        <translation>Die Engine hat für diesen Alarm keinen Verlauf aufgezeichnet.</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>Der Verlauf konnte nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>noc::AlarmModel</name>
    <message>
        <source>Device id %1</source>
        <translation>Geräte-ID %1</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>Ursache</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>noc::AlarmsPage</name>
    <message>
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <source>Trap log</source>
        <translation>Trap-Protokoll</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>Alle Schweregrade</translation>
    </message>
    <message>
        <source>Minor and worse</source>
        <translation>Leicht und schlimmer</translation>
    </message>
    <message>
        <source>Major and worse</source>
        <translation>Schwer und schlimmer</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>Nur kritische</translation>
    </message>
    <message>
        <source>Filter by device or cause</source>
        <translation>Nach Gerät oder Ursache filtern</translation>
    </message>
    <message>
        <source>Needs attention only</source>
        <translation>Nur, was Aufmerksamkeit braucht</translation>
    </message>
    <message>
        <source>Only alarms nobody has acknowledged that are not suppressed or in maintenance</source>
        <translation>Nur Alarme, die niemand bestätigt hat und die weder unterdrückt noch in Wartung sind</translation>
    </message>
    <message>
        <source>Include suppressed and in maintenance</source>
        <translation>Unterdrückte und in Wartung einschließen</translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation>Bestätigen…</translation>
    </message>
    <message>
        <source>Unacknowledge</source>
        <translation>Bestätigung zurücknehmen</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Verlauf…</translation>
    </message>
    <message>
        <source>New window…</source>
        <translation>Neues Wartungsfenster…</translation>
    </message>
    <message>
        <source>End now</source>
        <translation>Jetzt beenden</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>No answer from the engine: %1</source>
        <translation>Keine Antwort von der Engine: %1</translation>
    </message>
    <message>
        <source>Not allowed for your role: %1</source>
        <translation>Für Ihre Rolle nicht erlaubt: %1</translation>
    </message>
    <message>
        <source>The engine refused the request (%1): %2</source>
        <translation>Die Engine hat die Anfrage abgelehnt (%1): %2</translation>
    </message>
    <message>
        <source>Not connected: these are the last known alarms.</source>
        <translation>Nicht verbunden: Dies sind die zuletzt bekannten Alarme.</translation>
    </message>
    <message>
        <source>Connect to an engine to see its alarms.</source>
        <translation>Verbinden Sie sich mit einer Engine, um ihre Alarme zu sehen.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Loading alarms…</source>
        <translation>Alarme werden geladen…</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) in the engine&apos;s answer could not be read.</source>
        <translation>
            <numerusform>%n Alarm in der Antwort der Engine konnte nicht gelesen werden.</numerusform>
            <numerusform>%n Alarme in der Antwort der Engine konnten nicht gelesen werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>No maintenance window is planned.</source>
        <translation>Kein Wartungsfenster ist geplant.</translation>
    </message>
    <message>
        <source>No trap has been received.</source>
        <translation>Es wurde kein Trap empfangen.</translation>
    </message>
    <message>
        <source>Your role may not acknowledge alarms.</source>
        <translation>Ihre Rolle darf keine Alarme bestätigen.</translation>
    </message>
    <message>
        <source>Your role may not plan maintenance.</source>
        <translation>Ihre Rolle darf keine Wartung planen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n alarm(s)</source>
        <translation>
            <numerusform>%1 von %n Alarm</numerusform>
            <numerusform>%1 von %n Alarmen</numerusform>
        </translation>
    </message>
    <message>
        <source>Select at most %1 alarms at a time.</source>
        <translation>Wählen Sie höchstens %1 Alarme auf einmal.</translation>
    </message>
    <message>
        <source>alarm %1: %2</source>
        <translation>Alarm %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Acknowledged %1 of %n alarm(s).</source>
        <translation>
            <numerusform>%1 von %n Alarm bestätigt.</numerusform>
            <numerusform>%1 von %n Alarmen bestätigt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Withdrew the acknowledgement of %1 of %n alarm(s).</source>
        <translation>
            <numerusform>Bestätigung von %1 von %n Alarm zurückgenommen.</numerusform>
            <numerusform>Bestätigung von %1 von %n Alarmen zurückgenommen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Nicht ausgeführt: %1</translation>
    </message>
    <message>
        <source>Maintenance window &quot;%1&quot; planned.</source>
        <translation>Wartungsfenster „%1“ geplant.</translation>
    </message>
    <message>
        <source>End maintenance window</source>
        <translation>Wartungsfenster beenden</translation>
    </message>
    <message>
        <source>End &quot;%1&quot; now? Its alarms will want attention again.</source>
        <translation>„%1“ jetzt beenden? Seine Alarme brauchen dann wieder Aufmerksamkeit.</translation>
    </message>
    <message>
        <source>Cancel &quot;%1&quot;? It has not started yet.</source>
        <translation>„%1“ absagen? Es hat noch nicht begonnen.</translation>
    </message>
    <message>
        <source>Maintenance window &quot;%1&quot; ended.</source>
        <translation>Wartungsfenster „%1“ beendet.</translation>
    </message>
</context>
<context>
    <name>noc::CommandLineOptions</name>
    <message>
        <source>NOC console for the domain-name registry engine.</source>
        <translation>NOC-Konsole für die Domain-Registry-Engine.</translation>
    </message>
    <message>
        <source>Connect with the saved profile &lt;name&gt;.</source>
        <translation>Mit dem gespeicherten Profil &lt;name&gt; verbinden.</translation>
    </message>
    <message>
        <source>Connect directly over TLS to &lt;url&gt; (https://host:port).</source>
        <translation>Direkt über TLS mit &lt;url&gt; verbinden (https://host:port).</translation>
    </message>
    <message>
        <source>Verify the engine&apos;s certificate against the CA in &lt;file&gt;.</source>
        <translation>Das Zertifikat der Engine gegen die CA in &lt;file&gt; prüfen.</translation>
    </message>
    <message>
        <source>Log in as &lt;name&gt;.</source>
        <translation>Als &lt;name&gt; anmelden.</translation>
    </message>
    <message>
        <source>Read the password from the first line of &lt;file&gt; (must be mode 0600).</source>
        <translation>Das Passwort aus der ersten Zeile von &lt;file&gt; lesen (Modus 0600 erforderlich).</translation>
    </message>
    <message>
        <source>Use &lt;language&gt; (en, de or fr) for this run.</source>
        <translation>&lt;language&gt; (en, de oder fr) für diesen Start verwenden.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>--connect needs an address like https://127.0.0.1:9443, not &quot;%1&quot;.</source>
        <translation>--connect erwartet eine Adresse wie https://127.0.0.1:9443, nicht „%1“.</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; use one of: %2.</source>
        <translation>Unbekannte Sprache „%1“; möglich sind: %2.</translation>
    </message>
    <message>
        <source>--ca, --user and --password-file need --profile or --connect.</source>
        <translation>--ca, --user und --password-file benötigen --profile oder --connect.</translation>
    </message>
    <message>
        <source>There is no saved profile called &quot;%1&quot;.</source>
        <translation>Es gibt kein gespeichertes Profil namens „%1“.</translation>
    </message>
    <message>
        <source>Cannot read the password file %1: %2</source>
        <translation>Die Passwortdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The password file %1 is accessible to other users; run &quot;chmod 600 %1&quot; first.</source>
        <translation>Die Passwortdatei %1 ist für andere Benutzer zugänglich; zuerst „chmod 600 %1“ ausführen.</translation>
    </message>
    <message>
        <source>The password file %1 is too large.</source>
        <translation>Die Passwortdatei %1 ist zu groß.</translation>
    </message>
    <message>
        <source>The password file %1 is empty.</source>
        <translation>Die Passwortdatei %1 ist leer.</translation>
    </message>
</context>
<context>
    <name>noc::ConnectDialog</name>
    <message>
        <source>Connect to a registry engine</source>
        <translation>Mit einer Registry-Engine verbinden</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Geben Sie dem Profil einen Namen.</translation>
    </message>
    <message>
        <source>The profile name must not start or end with spaces.</source>
        <translation>Der Profilname darf nicht mit Leerzeichen beginnen oder enden.</translation>
    </message>
    <message>
        <source>Another profile is already called &quot;%1&quot;.</source>
        <translation>Ein anderes Profil heißt bereits „%1“.</translation>
    </message>
    <message>
        <source>Enter the host name or address of the management API.</source>
        <translation>Geben Sie den Hostnamen oder die Adresse der Management-API ein.</translation>
    </message>
    <message>
        <source>Enter the port of the management API.</source>
        <translation>Geben Sie den Port der Management-API ein.</translation>
    </message>
    <message>
        <source>Enter the user name to log in with.</source>
        <translation>Geben Sie den Benutzernamen für die Anmeldung ein.</translation>
    </message>
    <message>
        <source>The CA certificate file %1 does not exist or cannot be read.</source>
        <translation>Die CA-Zertifikatsdatei %1 existiert nicht oder ist nicht lesbar.</translation>
    </message>
    <message>
        <source>The pinned fingerprint is not a SHA-256 fingerprint (64 hexadecimal digits).</source>
        <translation>Der gepinnte Fingerabdruck ist kein SHA-256-Fingerabdruck (64 Hexadezimalziffern).</translation>
    </message>
    <message>
        <source>Enter the SSH server to tunnel through.</source>
        <translation>Geben Sie den SSH-Server für den Tunnel ein.</translation>
    </message>
    <message>
        <source>Enter the SSH server&apos;s port.</source>
        <translation>Geben Sie den Port des SSH-Servers ein.</translation>
    </message>
    <message>
        <source>Enter the SSH user name.</source>
        <translation>Geben Sie den SSH-Benutzernamen ein.</translation>
    </message>
    <message>
        <source>Choose the SSH private key file.</source>
        <translation>Wählen Sie die Datei mit dem privaten SSH-Schlüssel.</translation>
    </message>
    <message>
        <source>The SSH key file %1 does not exist or cannot be read.</source>
        <translation>Die SSH-Schlüsseldatei %1 existiert nicht oder ist nicht lesbar.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Direct TLS</source>
        <translation>Direkt über TLS</translation>
    </message>
    <message>
        <source>SSH tunnel</source>
        <translation>SSH-Tunnel</translation>
    </message>
    <message>
        <source>Transport:</source>
        <translation>Verbindungsart:</translation>
    </message>
    <message>
        <source>For an SSH tunnel, the address as seen from the SSH server (usually 127.0.0.1).</source>
        <translation>Bei einem SSH-Tunnel die Adresse aus Sicht des SSH-Servers (meist 127.0.0.1).</translation>
    </message>
    <message>
        <source>API host:</source>
        <translation>API-Host:</translation>
    </message>
    <message>
        <source>API port:</source>
        <translation>API-Port:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>none: use the pinned fingerprint, or ask</source>
        <translation>keine: gepinnten Fingerabdruck verwenden oder nachfragen</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>CA-Zertifikat:</translation>
    </message>
    <message>
        <source>none pinned</source>
        <translation>nichts gepinnt</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Vergessen</translation>
    </message>
    <message>
        <source>Forget the pinned certificate; the next connection asks again.</source>
        <translation>Das gepinnte Zertifikat vergessen; die nächste Verbindung fragt erneut.</translation>
    </message>
    <message>
        <source>Pinned certificate:</source>
        <translation>Gepinntes Zertifikat:</translation>
    </message>
    <message>
        <source>SSH host:</source>
        <translation>SSH-Host:</translation>
    </message>
    <message>
        <source>SSH port:</source>
        <translation>SSH-Port:</translation>
    </message>
    <message>
        <source>SSH user:</source>
        <translation>SSH-Benutzer:</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>Öffentlicher Schlüssel</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>Authentifizierung:</translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation>Privater Schlüssel:</translation>
    </message>
    <message>
        <source>~/.ssh/known_hosts</source>
        <translation>~/.ssh/known_hosts</translation>
    </message>
    <message>
        <source>Known hosts file:</source>
        <translation>Known-Hosts-Datei:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Choose the CA certificate</source>
        <translation>CA-Zertifikat auswählen</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose the SSH private key</source>
        <translation>Privaten SSH-Schlüssel auswählen</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose the known hosts file</source>
        <translation>Known-Hosts-Datei auswählen</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: %2</source>
        <translation>Profil „%1“: %2</translation>
    </message>
</context>
<context>
    <name>noc::ConnectionIndicator</name>
    <message>
        <source>Connected to %1 · %2 · via SSH</source>
        <translation>Verbunden mit %1 · %2 · über SSH</translation>
    </message>
    <message>
        <source>Connected to %1 · %2 · TLS</source>
        <translation>Verbunden mit %1 · %2 · TLS</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message numerus="yes">
        <source>Stale — no heartbeat for %n s</source>
        <translation>
            <numerusform>Veraltet — seit %n s kein Heartbeat</numerusform>
            <numerusform>Veraltet — seit %n s kein Heartbeat</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disconnected — reconnecting in %n s</source>
        <translation>
            <numerusform>Getrennt — neuer Versuch in %n s</numerusform>
            <numerusform>Getrennt — neuer Versuch in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Disconnected — reconnecting now…</source>
        <translation>Getrennt — verbinde jetzt neu…</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Disconnected — %1</source>
        <translation>Getrennt — %1</translation>
    </message>
</context>
<context>
    <name>noc::ConsoleSession</name>
    <message>
        <source>%1 Next attempt in %2 s.</source>
        <translation>%1 Nächster Versuch in %2 s.</translation>
    </message>
    <message>
        <source>Opening the SSH tunnel to %1...</source>
        <translation>Öffne den SSH-Tunnel zu %1...</translation>
    </message>
    <message>
        <source>Waiting for approval of the SSH host key of %1.</source>
        <translation>Warte auf die Bestätigung des SSH-Host-Schlüssels von %1.</translation>
    </message>
    <message>
        <source>Waiting for approval of the server certificate.</source>
        <translation>Warte auf die Bestätigung des Serverzertifikats.</translation>
    </message>
    <message>
        <source>Logging in to %1 as %2...</source>
        <translation>Anmeldung bei %1 als %2...</translation>
    </message>
    <message>
        <source>Cannot reach the management API: %1</source>
        <translation>Die Management-API ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>The engine answered the login without a token.</source>
        <translation>Die Engine hat die Anmeldung ohne Token beantwortet.</translation>
    </message>
    <message>
        <source>The engine refused the login (HTTP %1).</source>
        <translation>Die Engine hat die Anmeldung abgelehnt (HTTP %1).</translation>
    </message>
    <message>
        <source>The account %1 is locked: %2</source>
        <translation>Das Konto %1 ist gesperrt: %2</translation>
    </message>
    <message>
        <source>Login as %1 failed: %2</source>
        <translation>Anmeldung als %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The engine is not available: %1</source>
        <translation>Die Engine ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>The engine rejected the login request: %1</source>
        <translation>Die Engine hat die Anmeldeanfrage zurückgewiesen: %1</translation>
    </message>
    <message>
        <source>Cannot read the engine status: %1</source>
        <translation>Der Engine-Status kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The event stream presented a different certificate than the API.</source>
        <translation>Der Ereignisstrom hat ein anderes Zertifikat vorgelegt als die API.</translation>
    </message>
    <message>
        <source>Connected to %1 as %2.</source>
        <translation>Mit %1 als %2 verbunden.</translation>
    </message>
    <message>
        <source>The session token expired.</source>
        <translation>Das Sitzungstoken ist abgelaufen.</translation>
    </message>
    <message>
        <source>The engine serves too many consoles right now.</source>
        <translation>Die Engine bedient gerade zu viele Konsolen.</translation>
    </message>
    <message>
        <source>The engine closed the event stream: %1.</source>
        <translation>Die Engine hat den Ereignisstrom geschlossen: %1.</translation>
    </message>
    <message>
        <source>The connection to the engine was lost.</source>
        <translation>Die Verbindung zur Engine ist abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot open the event stream: %1</source>
        <translation>Der Ereignisstrom kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>No word from the engine for %1 s.</source>
        <translation>Seit %1 s keine Nachricht von der Engine.</translation>
    </message>
    <message>
        <source>No heartbeat from the engine for %1 s; the data shown may be out of date.</source>
        <translation>Seit %1 s kein Heartbeat von der Engine; die angezeigten Daten sind möglicherweise veraltet.</translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation>Verbinde mit %1...</translation>
    </message>
    <message>
        <source>Disconnected.</source>
        <translation>Getrennt.</translation>
    </message>
    <message>
        <source>The server certificate was not accepted.</source>
        <translation>Das Serverzertifikat wurde nicht akzeptiert.</translation>
    </message>
    <message>
        <source>The SSH host key was not accepted.</source>
        <translation>Der SSH-Host-Schlüssel wurde nicht akzeptiert.</translation>
    </message>
    <message>
        <source>Not connected to an engine.</source>
        <translation>Mit keiner Engine verbunden.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an API path.</source>
        <translation>„%1“ ist kein API-Pfad.</translation>
    </message>
    <message>
        <source>Reconnecting to %1...</source>
        <translation>Verbinde erneut mit %1...</translation>
    </message>
    <message>
        <source>%1 is not a method the console sends.</source>
        <translation>%1 ist keine Methode, die die Konsole sendet.</translation>
    </message>
</context>
<context>
    <name>noc::CriticalAlarmIndicator</name>
    <message>
        <source>Show the alarms that need attention</source>
        <translation>Die Alarme zeigen, die Aufmerksamkeit brauchen</translation>
    </message>
    <message numerus="yes">
        <source>%n critical/major alarm(s) need attention</source>
        <translation>
            <numerusform>%n kritischer/schwerer Alarm braucht Aufmerksamkeit</numerusform>
            <numerusform>%n kritische/schwere Alarme brauchen Aufmerksamkeit</numerusform>
        </translation>
    </message>
    <message>
        <source>No critical alarms</source>
        <translation>Keine kritischen Alarme</translation>
    </message>
</context>
<context>
    <name>noc::DevicePage</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>not polled (no SNMP settings)</source>
        <translation>nicht abgefragt (keine SNMP-Einstellungen)</translation>
    </message>
    <message>
        <source>SNMP v%1, disabled</source>
        <translation>SNMP v%1, deaktiviert</translation>
    </message>
    <message>
        <source>SNMP v%1</source>
        <translation>SNMP v%1</translation>
    </message>
    <message>
        <source>no status yet</source>
        <translation>noch kein Status</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>, stale</source>
        <translation>, veraltet</translation>
    </message>
    <message>
        <source>, acknowledged</source>
        <translation>, quittiert</translation>
    </message>
    <message>
        <source>, in maintenance</source>
        <translation>, in Wartung</translation>
    </message>
    <message>
        <source>answering</source>
        <translation>antwortet</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 %2 % used</source>
        <translation>%1 %2 % belegt</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen …</translation>
    </message>
    <message>
        <source>The metrics could not be read: %1</source>
        <translation>Die Messwerte konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The alarms could not be read: %1</source>
        <translation>Die Alarme konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The engine&apos;s answer had no samples.</source>
        <translation>Die Antwort der Engine enthielt keine Messpunkte.</translation>
    </message>
    <message>
        <source>No samples in this period.</source>
        <translation>Keine Messpunkte in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>reachability</source>
        <translation>Erreichbarkeit</translation>
    </message>
    <message>
        <source>%1 (behind %2)</source>
        <translation>%1 (hinter %2)</translation>
    </message>
    <message>
        <source>by %1: %2</source>
        <translation>von %1: %2</translation>
    </message>
    <message>
        <source>in maintenance</source>
        <translation>in Wartung</translation>
    </message>
    <message>
        <source>No active alarms.</source>
        <translation>Keine aktiven Alarme.</translation>
    </message>
    <message>
        <source>ifIndex %1</source>
        <translation>ifIndex %1</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Back to the topology map (Alt+Left, Esc)</source>
        <translation>Zurück zur Topologiekarte (Alt+Links, Esc)</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Standort:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Depends on:</source>
        <translation>Hängt ab von:</translation>
    </message>
    <message>
        <source>Polling:</source>
        <translation>Abfrage:</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Reachability:</source>
        <translation>Erreichbarkeit:</translation>
    </message>
    <message>
        <source>Round trip:</source>
        <translation>Umlaufzeit:</translation>
    </message>
    <message>
        <source>CPU:</source>
        <translation>CPU:</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>Speicher:</translation>
    </message>
    <message>
        <source>Disks:</source>
        <translation>Datenträger:</translation>
    </message>
    <message>
        <source>Last polled:</source>
        <translation>Zuletzt abgefragt:</translation>
    </message>
    <message>
        <source>Active alarms</source>
        <translation>Aktive Alarme</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Quittiert</translation>
    </message>
    <message>
        <source>Interfaces</source>
        <translation>Schnittstellen</translation>
    </message>
    <message>
        <source>Recent metrics</source>
        <translation>Letzte Messwerte</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 Std.</translation>
    </message>
    <message>
        <source>The last hour</source>
        <translation>Die letzte Stunde</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 Std.</translation>
    </message>
    <message>
        <source>The last 24 hours</source>
        <translation>Die letzten 24 Stunden</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>The last 7 days</source>
        <translation>Die letzten 7 Tage</translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation>&amp;Schnittstelle:</translation>
    </message>
    <message>
        <source>Round trip (ms)</source>
        <translation>Umlaufzeit (ms)</translation>
    </message>
    <message>
        <source>CPU (%)</source>
        <translation>CPU (%)</translation>
    </message>
    <message>
        <source>Memory (%)</source>
        <translation>Speicher (%)</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Eingang</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Ausgang</translation>
    </message>
</context>
<context>
    <name>noc::DirectoryClientModel</name>
    <message>
        <source>Whois</source>
        <translation>Whois</translation>
    </message>
    <message>
        <source>RDAP</source>
        <translation>RDAP</translation>
    </message>
    <message>
        <source>%1% of its queries refused by the rate limit</source>
        <translation>%1 % seiner Anfragen vom Ratenlimit abgelehnt</translation>
    </message>
    <message>
        <source>Client address</source>
        <translation>Client-Adresse</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Queries</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
</context>
<context>
    <name>noc::DirectoryPage</name>
    <message>
        <source>the engine&apos;s answer is not directory statistics</source>
        <translation>die Antwort der Engine enthält keine Verzeichnisstatistik</translation>
    </message>
    <message>
        <source>Not allowed for your role: %1</source>
        <translation>Für Ihre Rolle nicht erlaubt: %1</translation>
    </message>
    <message>
        <source>No answer from the engine: %1</source>
        <translation>Keine Antwort von der Engine: %1</translation>
    </message>
    <message>
        <source>The engine refused the request (%1): %2</source>
        <translation>Die Engine hat die Anfrage abgelehnt (%1): %2</translation>
    </message>
    <message>
        <source>All queries</source>
        <translation>Alle Anfragen</translation>
    </message>
    <message>
        <source>Whois</source>
        <translation>Whois</translation>
    </message>
    <message>
        <source>RDAP</source>
        <translation>RDAP</translation>
    </message>
    <message>
        <source>queries per second</source>
        <translation>Anfragen pro Sekunde</translation>
    </message>
    <message>
        <source>refusals per second</source>
        <translation>Ablehnungen pro Sekunde</translation>
    </message>
    <message>
        <source>Cache hits</source>
        <translation>Cache-Treffer</translation>
    </message>
    <message>
        <source>% of lookups</source>
        <translation>% der Abfragen</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Aktualisiert %1</translation>
    </message>
    <message>
        <source>Connect to an engine to see its Whois and RDAP services at work.</source>
        <translation>Verbinden Sie sich mit einer Engine, um ihre Whois- und RDAP-Dienste bei der Arbeit zu sehen.</translation>
    </message>
    <message>
        <source>Loading directory statistics…</source>
        <translation>Verzeichnisstatistik wird geladen…</translation>
    </message>
    <message>
        <source>Whois is not running; the charts show RDAP only.</source>
        <translation>Whois läuft nicht; die Diagramme zeigen nur RDAP.</translation>
    </message>
    <message>
        <source>RDAP is not running; the charts show Whois only.</source>
        <translation>RDAP läuft nicht; die Diagramme zeigen nur Whois.</translation>
    </message>
    <message numerus="yes">
        <source>Rates appear with the next update (every %n second(s)).</source>
        <translation>
            <numerusform>Raten erscheinen mit der nächsten Aktualisierung (jede Sekunde).</numerusform>
            <numerusform>Raten erscheinen mit der nächsten Aktualisierung (alle %n Sekunden).</numerusform>
        </translation>
    </message>
    <message>
        <source>No directory statistics: %1</source>
        <translation>Keine Verzeichnisstatistik: %1</translation>
    </message>
    <message>
        <source>Whois/s</source>
        <translation>Whois/s</translation>
    </message>
    <message>
        <source>RDAP/s</source>
        <translation>RDAP/s</translation>
    </message>
    <message>
        <source>Rate-limited/s</source>
        <translation>Ratenbegrenzt/s</translation>
    </message>
    <message>
        <source>Cached records</source>
        <translation>Datensätze im Cache</translation>
    </message>
    <message>
        <source>Open connections</source>
        <translation>Offene Verbindungen</translation>
    </message>
    <message numerus="yes">
        <source>Queries per second (last %n minute(s))</source>
        <translation>
            <numerusform>Anfragen pro Sekunde (letzte Minute)</numerusform>
            <numerusform>Anfragen pro Sekunde (letzte %n Minuten)</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused by rate limit</source>
        <translation>Vom Ratenlimit abgelehnt</translation>
    </message>
    <message>
        <source>Cache hit ratio</source>
        <translation>Cache-Trefferquote</translation>
    </message>
    <message>
        <source>Busiest clients</source>
        <translation>Aktivste Clients</translation>
    </message>
    <message>
        <source>No client has queried Whois or RDAP yet.</source>
        <translation>Noch kein Client hat Whois oder RDAP abgefragt.</translation>
    </message>
</context>
<context>
    <name>noc::DnsPage</name>
    <message>
        <source>the engine&apos;s answer is not DNS statistics</source>
        <translation>die Antwort der Engine enthält keine DNS-Statistik</translation>
    </message>
    <message>
        <source>Not allowed for your role: %1</source>
        <translation>Für Ihre Rolle nicht erlaubt: %1</translation>
    </message>
    <message>
        <source>No answer from the engine: %1</source>
        <translation>Keine Antwort von der Engine: %1</translation>
    </message>
    <message>
        <source>The engine refused the request (%1): %2</source>
        <translation>Die Engine hat die Anfrage abgelehnt (%1): %2</translation>
    </message>
    <message>
        <source>All queries</source>
        <translation>Alle Anfragen</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>queries per second</source>
        <translation>Anfragen pro Sekunde</translation>
    </message>
    <message>
        <source>answers per second</source>
        <translation>Antworten pro Sekunde</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Verweise</translation>
    </message>
    <message>
        <source>Truncated (TC)</source>
        <translation>Gekürzt (TC)</translation>
    </message>
    <message>
        <source>Dropped by rate limiting</source>
        <translation>Durch Ratenbegrenzung verworfen</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>pro Sekunde</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Aktualisiert %1</translation>
    </message>
    <message>
        <source>Connect to an engine to see its DNS server at work.</source>
        <translation>Verbinden Sie sich mit einer Engine, um ihren DNS-Server bei der Arbeit zu sehen.</translation>
    </message>
    <message>
        <source>Loading DNS statistics…</source>
        <translation>DNS-Statistik wird geladen…</translation>
    </message>
    <message numerus="yes">
        <source>Rates appear with the next update (every %n second(s)).</source>
        <translation>
            <numerusform>Raten erscheinen mit der nächsten Aktualisierung (jede Sekunde).</numerusform>
            <numerusform>Raten erscheinen mit der nächsten Aktualisierung (alle %n Sekunden).</numerusform>
        </translation>
    </message>
    <message>
        <source>Queries/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>UDP/s</source>
        <translation>UDP/s</translation>
    </message>
    <message>
        <source>TCP/s</source>
        <translation>TCP/s</translation>
    </message>
    <message>
        <source>Queries since start</source>
        <translation>Anfragen seit Start</translation>
    </message>
    <message>
        <source>Referrals/s</source>
        <translation>Verweise/s</translation>
    </message>
    <message>
        <source>Truncated/s</source>
        <translation>Gekürzt/s</translation>
    </message>
    <message>
        <source>Rate-limited/s</source>
        <translation>Ratenbegrenzt/s</translation>
    </message>
    <message numerus="yes">
        <source>Queries per second (last %n minute(s))</source>
        <translation>
            <numerusform>Anfragen pro Sekunde (letzte Minute)</numerusform>
            <numerusform>Anfragen pro Sekunde (letzte %n Minuten)</numerusform>
        </translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>Zonen</translation>
    </message>
    <message>
        <source>The DNS server publishes no zones yet.</source>
        <translation>Der DNS-Server veröffentlicht noch keine Zonen.</translation>
    </message>
    <message>
        <source>No DNS statistics: %1</source>
        <translation>Keine DNS-Statistik: %1</translation>
    </message>
    <message>
        <source>By response code</source>
        <translation>Nach Antwortcode</translation>
    </message>
    <message>
        <source>Referrals, TC, rate limits</source>
        <translation>Verweise, TC, Limits</translation>
    </message>
</context>
<context>
    <name>noc::DnsZoneModel</name>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Namen</translation>
    </message>
    <message>
        <source>Journal entry</source>
        <translation>Journaleintrag</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
</context>
<context>
    <name>noc::EventLogModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>Journal #%1</source>
        <translation>Journal Nr. %1</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 durch %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2 by %3</source>
        <translation>%1 %2 durch %3</translation>
    </message>
    <message>
        <source>%1 is now %2</source>
        <translation>%1 ist jetzt %2</translation>
    </message>
    <message>
        <source>%1 is now %2 (%3)</source>
        <translation>%1 ist jetzt %2 (%3)</translation>
    </message>
    <message>
        <source>Event stream opened as %1 (engine %2)</source>
        <translation>Ereignisstrom als %1 geöffnet (Engine %2)</translation>
    </message>
    <message>
        <source>Engine is shutting down</source>
        <translation>Die Engine wird beendet</translation>
    </message>
    <message>
        <source>Engine is shutting down (%1)</source>
        <translation>Die Engine wird beendet (%1)</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <source>No heartbeat from the engine: the data shown may be old</source>
        <translation>Kein Heartbeat von der Engine: die angezeigten Daten sind möglicherweise veraltet</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Verbindung verloren</translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation>Verbindung verloren: %1</translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation>Verbindung nicht möglich</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>Verbindung nicht möglich: %1</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Disconnected: %1</source>
        <translation>Getrennt: %1</translation>
    </message>
    <message>
        <source>Login failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>noc::InterfaceTableModel</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Down although administratively up</source>
        <translation>Ausgefallen, obwohl administrativ aktiviert</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Oper</source>
        <translation>Betrieb</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Eingang</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Auslastung</translation>
    </message>
</context>
<context>
    <name>noc::MainWindow</name>
    <message>
        <source>Some saved profiles could not be read: %1</source>
        <translation>Einige gespeicherte Profile konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>About noc-console</source>
        <translation>Über noc-console</translation>
    </message>
    <message>
        <source>noc-console %1

The network operations console for the domain-name registry engine.</source>
        <translation>noc-console %1

Die Konsole des Network Operations Centre für die Domain-Registry-Engine.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Topology</source>
        <translation>Topologie</translation>
    </message>
    <message>
        <source>Health &amp; Alarms</source>
        <translation>Zustand &amp; Alarme</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Registry</translation>
    </message>
    <message>
        <source>This page will list trouble tickets with their escalation timers for each help-desk tier. The engine does not provide tickets yet.</source>
        <translation>Diese Seite wird Störungstickets mit ihren Eskalationszeiten für jede Helpdesk-Stufe auflisten. Die Engine liefert noch keine Tickets.</translation>
    </message>
    <message>
        <source>This page will show full and incremental backups, the tape rotation and escrow deposits. The engine does not provide backup status yet.</source>
        <translation>Diese Seite wird Voll- und inkrementelle Sicherungen, die Bandrotation und Treuhandhinterlegungen zeigen. Die Engine liefert noch keinen Sicherungsstatus.</translation>
    </message>
    <message>
        <source>This page will chart availability and response times against the service-level targets. The engine does not provide SLA measurements yet.</source>
        <translation>Diese Seite wird Verfügbarkeit und Antwortzeiten im Vergleich zu den Service-Level-Zielen darstellen. Die Engine liefert noch keine SLA-Messwerte.</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Verbindung</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About noc-console</source>
        <translation>Ü&amp;ber noc-console</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Verbindung verloren</translation>
    </message>
    <message>
        <source>Login failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>The engine refused the login as &quot;%1&quot;.</source>
        <translation>Die Engine hat die Anmeldung als „%1“ abgelehnt.</translation>
    </message>
    <message>
        <source>Pinned the certificate of %1 in profile &quot;%2&quot;.</source>
        <translation>Zertifikat von %1 im Profil „%2“ gepinnt.</translation>
    </message>
    <message>
        <source>Profiles not saved</source>
        <translation>Profile nicht gespeichert</translation>
    </message>
    <message>
        <source>The connection profiles could not be saved.</source>
        <translation>Die Verbindungsprofile konnten nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>no engine</source>
        <translation>keine Engine</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbinde</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>Logging in as %1…</source>
        <translation>Anmeldung als %1…</translation>
    </message>
    <message>
        <source>STALE</source>
        <translation>VERALTET</translation>
    </message>
    <message>
        <source>Connection stale</source>
        <translation>Verbindung veraltet</translation>
    </message>
    <message>
        <source>No heartbeat from the engine since %1. What you see may be out of date; the console reconnects if the engine stays silent.</source>
        <translation>Seit %1 kein Heartbeat von der Engine. Die Anzeige ist möglicherweise veraltet; die Konsole verbindet sich neu, wenn die Engine stumm bleibt.</translation>
    </message>
    <message>
        <source>DISCONNECTED</source>
        <translation>GETRENNT</translation>
    </message>
    <message>
        <source>Everything below is the last known state. Reconnecting automatically at %1.</source>
        <translation>Alles hier unten ist der letzte bekannte Stand. Automatischer Verbindungsversuch um %1.</translation>
    </message>
    <message>
        <source>login failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Choose a connection profile to connect to a registry engine.</source>
        <translation>Wählen Sie ein Verbindungsprofil, um sich mit einer Registry-Engine zu verbinden.</translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation>Verbindung nicht möglich</translation>
    </message>
    <message>
        <source>The console is not connected to the engine.</source>
        <translation>Die Konsole ist nicht mit der Engine verbunden.</translation>
    </message>
    <message>
        <source>Everything below is the last known state.</source>
        <translation>Alles hier unten ist der letzte bekannte Stand.</translation>
    </message>
    <message>
        <source>Logged in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>NOC Console</source>
        <translation>NOC-Konsole</translation>
    </message>
    <message>
        <source>Everything below is the last known state. Reconnecting to %1 now…</source>
        <translation>Alles hier unten ist der letzte bekannte Stand. Verbinde jetzt neu mit %1…</translation>
    </message>
    <message>
        <source>&amp;Reconnect Now</source>
        <translation>Jetzt &amp;neu verbinden</translation>
    </message>
    <message>
        <source>Reconnect now</source>
        <translation>Jetzt neu verbinden</translation>
    </message>
    <message>
        <source>Try to reconnect at once instead of waiting for the next automatic attempt</source>
        <translation>Sofort neu verbinden, statt auf den nächsten automatischen Versuch zu warten</translation>
    </message>
    <message>
        <source>Disconnect and stop reconnecting</source>
        <translation>Trennen und keine weiteren Verbindungsversuche unternehmen</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>Whois &amp; RDAP</source>
        <translation>Whois &amp; RDAP</translation>
    </message>
    <message>
        <source>&amp;Wall Mode</source>
        <translation>&amp;Wandmodus</translation>
    </message>
    <message>
        <source>Full screen for a NOC wall: no navigation or menus, larger text (Esc leaves)</source>
        <translation>Vollbild für eine NOC-Wand: keine Navigation oder Menüs, größere Schrift (Esc beendet)</translation>
    </message>
    <message>
        <source>Alarm &amp;Sound</source>
        <translation>Alarm&amp;ton</translation>
    </message>
    <message>
        <source>Beep every few seconds while a new critical or major alarm is unacknowledged</source>
        <translation>Alle paar Sekunden piepen, solange ein neuer kritischer oder schwerer Alarm unbestätigt ist</translation>
    </message>
</context>
<context>
    <name>noc::MaintenanceModel</name>
    <message>
        <source>site %1</source>
        <translation>Standort %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>bis %1</translation>
    </message>
    <message>
        <source>once</source>
        <translation>einmalig</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>täglich</translation>
    </message>
    <message>
        <source>weekly on %1</source>
        <translation>wöchentlich am %1</translation>
    </message>
    <message>
        <source>ended %1</source>
        <translation>beendet %1</translation>
    </message>
    <message>
        <source>active now</source>
        <translation>jetzt aktiv</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Umfang</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt von</translation>
    </message>
</context>
<context>
    <name>noc::MaintenanceWindowDialog</name>
    <message>
        <source>New maintenance window</source>
        <translation>Neues Wartungsfenster</translation>
    </message>
    <message>
        <source>e.g. Core router firmware upgrade</source>
        <translation>z. B. Firmware-Update des Core-Routers</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>Einmalig</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Wöchentlich</translation>
    </message>
    <message>
        <source>Repeat until</source>
        <translation>Wiederholen bis</translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation>Geräte:</translation>
    </message>
    <message>
        <source>Sites (every device there):</source>
        <translation>Standorte (alle Geräte dort):</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>Repeats:</source>
        <translation>Wiederholung:</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>Beginn:</translation>
    </message>
    <message>
        <source>End:</source>
        <translation>Ende:</translation>
    </message>
    <message>
        <source>On:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>Give the window a title.</source>
        <translation>Geben Sie dem Fenster einen Titel.</translation>
    </message>
    <message>
        <source>Choose at least one device or site.</source>
        <translation>Wählen Sie mindestens ein Gerät oder einen Standort.</translation>
    </message>
    <message>
        <source>The end must come after the start.</source>
        <translation>Das Ende muss nach dem Beginn liegen.</translation>
    </message>
    <message>
        <source>A repeating window lasts at most 24 hours each time.</source>
        <translation>Ein wiederkehrendes Fenster dauert jeweils höchstens 24 Stunden.</translation>
    </message>
    <message>
        <source>The window would already be over.</source>
        <translation>Das Fenster wäre bereits vorbei.</translation>
    </message>
    <message>
        <source>Choose the weekdays the window repeats on.</source>
        <translation>Wählen Sie die Wochentage, an denen sich das Fenster wiederholt.</translation>
    </message>
    <message>
        <source>The last day comes before the first.</source>
        <translation>Der letzte Tag liegt vor dem ersten.</translation>
    </message>
</context>
<context>
    <name>noc::MonitorInterfaceState</name>
    <message>
        <source>up</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>down</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>testing</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>dormant</source>
        <translation>ruhend</translation>
    </message>
    <message>
        <source>not present</source>
        <translation>nicht vorhanden</translation>
    </message>
    <message>
        <source>lower layer down</source>
        <translation>untere Schicht ausgefallen</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>noc::MonitorTranslator</name>
    <message>
        <source>Not polled (no SNMP settings, or disabled)</source>
        <translation>Nicht abgefragt (keine SNMP-Einstellungen oder deaktiviert)</translation>
    </message>
    <message>
        <source>Not polled yet</source>
        <translation>Noch nicht abgefragt</translation>
    </message>
    <message>
        <source>Unreachable behind %1</source>
        <translation>Nicht erreichbar hinter %1</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Keine Antwort</translation>
    </message>
    <message>
        <source>No answer: %1</source>
        <translation>Keine Antwort: %1</translation>
    </message>
    <message>
        <source>The last poll was not answered</source>
        <translation>Die letzte Abfrage blieb unbeantwortet</translation>
    </message>
    <message>
        <source>The last poll was not answered: %1</source>
        <translation>Die letzte Abfrage blieb unbeantwortet: %1</translation>
    </message>
    <message>
        <source>Active %1 alarm</source>
        <translation>Aktiver Alarm (%1)</translation>
    </message>
    <message>
        <source>Waiting for the engine&apos;s status</source>
        <translation>Warte auf den Status der Engine</translation>
    </message>
</context>
<context>
    <name>noc::OverviewPage</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s), %1</source>
        <translation>
            <numerusform>%n Tag, %1</numerusform>
            <numerusform>%n Tage, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Recent events</source>
        <translation>Letzte Ereignisse</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Standort:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Gestartet:</translation>
    </message>
    <message>
        <source>Uptime:</source>
        <translation>Laufzeit:</translation>
    </message>
    <message>
        <source>Journal head:</source>
        <translation>Journalkopf:</translation>
    </message>
    <message>
        <source>%1 (last known)</source>
        <translation>%1 (zuletzt bekannt)</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>Nr. %1</translation>
    </message>
    <message>
        <source>Hash of the newest entry: %1</source>
        <translation>Hash des neuesten Eintrags: %1</translation>
    </message>
    <message>
        <source>No engine connected. Connect to a registry engine to see its live status here.</source>
        <translation>Keine Engine verbunden. Verbinden Sie sich mit einer Registry-Engine, um hier ihren aktuellen Zustand zu sehen.</translation>
    </message>
    <message>
        <source>Live — last update %1</source>
        <translation>Live — letzte Aktualisierung %1</translation>
    </message>
    <message>
        <source>Not live — showing the last known state as of %1</source>
        <translation>Nicht live — letzter bekannter Stand von %1</translation>
    </message>
    <message>
        <source>Newest entry:</source>
        <translation>Neuester Eintrag:</translation>
    </message>
    <message>
        <source>Head hash:</source>
        <translation>Kopf-Hash:</translation>
    </message>
</context>
<context>
    <name>noc::PasswordDialog</name>
    <message>
        <source>Log in to %1</source>
        <translation>Bei %1 anmelden</translation>
    </message>
    <message>
        <source>%1:%2 through SSH to %3@%4</source>
        <translation>%1:%2 per SSH über %3@%4</translation>
    </message>
    <message>
        <source>Connecting to the registry engine at %1.</source>
        <translation>Verbindung zur Registry-Engine unter %1.</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>SSH password:</source>
        <translation>SSH-Passwort:</translation>
    </message>
    <message>
        <source>leave empty if the key has none</source>
        <translation>leer lassen, wenn der Schlüssel keine hat</translation>
    </message>
    <message>
        <source>Key passphrase:</source>
        <translation>Schlüssel-Passphrase:</translation>
    </message>
    <message>
        <source>Passwords are kept in memory for automatic reconnects and never saved.</source>
        <translation>Passwörter bleiben für automatische Neuverbindungen im Speicher und werden nie gespeichert.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
</context>
<context>
    <name>noc::ProfileStore</name>
    <message>
        <source>A connection profile needs a name.</source>
        <translation>Ein Verbindungsprofil braucht einen Namen.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: the management API host is empty.</source>
        <translation>Profil „%1“: der Host der Management-API ist leer.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: the management API port must be between 1 and 65535.</source>
        <translation>Profil „%1“: der Port der Management-API muss zwischen 1 und 65535 liegen.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: the user name is empty.</source>
        <translation>Profil „%1“: der Benutzername ist leer.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: the pinned fingerprint is not a SHA-256 fingerprint (64 hexadecimal digits).</source>
        <translation>Profil „%1“: der gepinnte Fingerabdruck ist kein SHA-256-Fingerabdruck (64 Hexadezimalziffern).</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: the SSH host is empty.</source>
        <translation>Profil „%1“: der SSH-Host ist leer.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: the SSH port must be between 1 and 65535.</source>
        <translation>Profil „%1“: der SSH-Port muss zwischen 1 und 65535 liegen.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: the SSH user is empty.</source>
        <translation>Profil „%1“: der SSH-Benutzer ist leer.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: public-key authentication needs a private key file.</source>
        <translation>Profil „%1“: Public-Key-Authentifizierung braucht eine private Schlüsseldatei.</translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation>Eintrag %1</translation>
    </message>
    <message>
        <source>Connection profile %1: unknown transport &quot;%2&quot;.</source>
        <translation>Verbindungsprofil %1: unbekannte Verbindungsart „%2“.</translation>
    </message>
    <message>
        <source>Connection profile %1: unknown SSH authentication &quot;%2&quot;.</source>
        <translation>Verbindungsprofil %1: unbekannte SSH-Authentifizierung „%2“.</translation>
    </message>
    <message>
        <source>Connection profile %1: a port is not a number between 1 and 65535.</source>
        <translation>Verbindungsprofil %1: ein Port ist keine Zahl zwischen 1 und 65535.</translation>
    </message>
    <message>
        <source>Connection profile &quot;%1&quot; appears twice; the second is ignored.</source>
        <translation>Das Verbindungsprofil „%1“ kommt doppelt vor; das zweite wird ignoriert.</translation>
    </message>
    <message>
        <source>Two connection profiles are named &quot;%1&quot;; names must be unique.</source>
        <translation>Zwei Verbindungsprofile heißen „%1“; Namen müssen eindeutig sein.</translation>
    </message>
    <message>
        <source>Cannot write the connection profiles to %1.</source>
        <translation>Die Verbindungsprofile können nicht nach %1 geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>noc::RegistrarActivityModel</name>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n Jahr</numerusform>
            <numerusform>%n Jahre</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s); %1</source>
        <translation>
            <numerusform>%n Jahr; %1</numerusform>
            <numerusform>%n Jahre; %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>Saldo danach</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Client address</source>
        <translation>Client-Adresse</translation>
    </message>
    <message>
        <source>Server TRID</source>
        <translation>Server-TRID</translation>
    </message>
</context>
<context>
    <name>noc::RegistryPage</name>
    <message>
        <source>Type part of a name or ID to search for.</source>
        <translation>Geben Sie einen Teil eines Namens oder einer ID ein, um zu suchen.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>Loading registrars…</source>
        <translation>Registrare werden geladen…</translation>
    </message>
    <message numerus="yes">
        <source>%n registrar(s).</source>
        <translation>
            <numerusform>%n Registrar.</numerusform>
            <numerusform>%n Registrare.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Nichts gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) so far; more are available.</source>
        <translation>
            <numerusform>Bisher %n Ergebnis; weitere sind verfügbar.</numerusform>
            <numerusform>Bisher %n Ergebnisse; weitere sind verfügbar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s).</source>
        <translation>
            <numerusform>%n Ergebnis.</numerusform>
            <numerusform>%n Ergebnisse.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>ROID</source>
        <translation>ROID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>TLD</source>
        <translation>TLD</translation>
    </message>
    <message>
        <source>Registrar</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <source>Registrant</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Übertragen</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Angelegt von</translation>
    </message>
    <message>
        <source>Updated by</source>
        <translation>Geändert von</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Nameservers</source>
        <translation>Nameserver</translation>
    </message>
    <message>
        <source>Subordinate hosts</source>
        <translation>Untergeordnete Hosts</translation>
    </message>
    <message>
        <source>DS records</source>
        <translation>DS-Einträge</translation>
    </message>
    <message>
        <source>Grace periods</source>
        <translation>Karenzzeiten</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Transfers</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>Eigene Felder</translation>
    </message>
    <message>
        <source>Superordinate domain</source>
        <translation>Übergeordnete Domain</translation>
    </message>
    <message>
        <source>IPv4 addresses</source>
        <translation>IPv4-Adressen</translation>
    </message>
    <message>
        <source>IPv6 addresses</source>
        <translation>IPv6-Adressen</translation>
    </message>
    <message>
        <source>Linked domains (count)</source>
        <translation>Verknüpfte Domains (Anzahl)</translation>
    </message>
    <message>
        <source>Linked domains</source>
        <translation>Verknüpfte Domains</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>State/province</source>
        <translation>Bundesland/Provinz</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>Fax</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Privacy level</source>
        <translation>Datenschutzstufe</translation>
    </message>
    <message>
        <source>IANA ID</source>
        <translation>IANA-ID</translation>
    </message>
    <message>
        <source>Web site</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Low-balance warning at</source>
        <translation>Warnung bei niedrigem Guthaben ab</translation>
    </message>
    <message>
        <source>XRP users</source>
        <translation>XRP-Benutzer</translation>
    </message>
    <message>
        <source>Allowed client addresses</source>
        <translation>Zugelassene Client-Adressen</translation>
    </message>
    <message>
        <source>Client certificates</source>
        <translation>Client-Zertifikate</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256-Fingerabdruck</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Inhaber (Subject)</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Domains</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Contacts (count)</source>
        <translation>Kontakte (Anzahl)</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation>Fehlgeschlagene Anmeldungen</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Gesperrt bis</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Passwort geändert</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Beginnt</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Endet</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Not allowed for your role: %1</source>
        <translation>Für Ihre Rolle nicht erlaubt: %1</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>Nicht gefunden: %1</translation>
    </message>
    <message>
        <source>No answer from the engine: %1</source>
        <translation>Keine Antwort von der Engine: %1</translation>
    </message>
    <message>
        <source>The engine refused the request (%1): %2</source>
        <translation>Die Engine hat die Anfrage abgelehnt (%1): %2</translation>
    </message>
    <message>
        <source>Domain, host, contact ID or registrar</source>
        <translation>Domain, Host, Kontakt-ID oder Registrar</translation>
    </message>
    <message>
        <source>Registrars</source>
        <translation>Registrare</translation>
    </message>
    <message>
        <source>Match anywhere</source>
        <translation>Irgendwo enthalten</translation>
    </message>
    <message>
        <source>Find names that contain the text anywhere, not only at the start (slower on a large registry)</source>
        <translation>Namen finden, die den Text irgendwo enthalten, nicht nur am Anfang (langsamer bei einer großen Registry)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>All registrars</source>
        <translation>Alle Registrare</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>Mehr laden</translation>
    </message>
    <message>
        <source>Load older entries</source>
        <translation>Ältere Einträge laden</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Balance:</source>
        <translation>Saldo:</translation>
    </message>
    <message>
        <source>Credit limit:</source>
        <translation>Kreditlimit:</translation>
    </message>
    <message>
        <source>Available:</source>
        <translation>Verfügbar:</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>Buchungen</translation>
    </message>
    <message>
        <source>XRP audit trail</source>
        <translation>XRP-Prüfprotokoll</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Domain %1</source>
        <translation>Domain %1</translation>
    </message>
    <message>
        <source>Host %1</source>
        <translation>Host %1</translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation>Kontakt %1</translation>
    </message>
    <message>
        <source>Registrar %1</source>
        <translation>Registrar %1</translation>
    </message>
    <message>
        <source>Not connected. Connect to a registry engine to search its domains, hosts, contacts and registrars.</source>
        <translation>Nicht verbunden. Verbinden Sie sich mit einer Registry-Engine, um deren Domains, Hosts, Kontakte und Registrare zu durchsuchen.</translation>
    </message>
    <message>
        <source>Search by the start of a name or ID, or list all registrars.</source>
        <translation>Suchen Sie nach dem Anfang eines Namens oder einer ID, oder listen Sie alle Registrare auf.</translation>
    </message>
    <message>
        <source>Double-click an underlined value to open that object</source>
        <translation>Doppelklicken Sie auf einen unterstrichenen Wert, um dieses Objekt zu öffnen</translation>
    </message>
</context>
<context>
    <name>noc::RegistrySearchModel</name>
    <message>
        <source>in-registry</source>
        <translation>in der Registry</translation>
    </message>
    <message>
        <source>external</source>
        <translation>extern</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>ROID</source>
        <translation>ROID</translation>
    </message>
    <message>
        <source>Registrar</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
</context>
<context>
    <name>noc::ServerTrust</name>
    <message>
        <source>Cannot read the CA file %1: %2</source>
        <translation>Die CA-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The CA file %1 is too large to be a certificate file.</source>
        <translation>Die CA-Datei %1 ist zu groß für eine Zertifikatsdatei.</translation>
    </message>
    <message>
        <source>The CA file %1 holds no PEM certificate.</source>
        <translation>Die CA-Datei %1 enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>The pinned certificate fingerprint &quot;%1&quot; is not a SHA-256 fingerprint (64 hexadecimal digits).</source>
        <translation>Der gepinnte Zertifikats-Fingerabdruck „%1“ ist kein SHA-256-Fingerabdruck (64 Hexadezimalziffern).</translation>
    </message>
    <message>
        <source>The server presented no certificate.</source>
        <translation>Der Server hat kein Zertifikat vorgelegt.</translation>
    </message>
    <message>
        <source>The server certificate (SHA-256 %1) does not verify against the CA file %2: %3</source>
        <translation>Das Serverzertifikat (SHA-256 %1) lässt sich nicht gegen die CA-Datei %2 prüfen: %3</translation>
    </message>
    <message>
        <source>WARNING: the server certificate has changed. Expected SHA-256 %1 but the server presented %2. Someone may be intercepting the connection (man in the middle). If the certificate was replaced on purpose, clear the pinned fingerprint in the connection profile and connect again.</source>
        <translation>WARNUNG: Das Serverzertifikat hat sich geändert. Erwartet war SHA-256 %1, der Server hat aber %2 vorgelegt. Möglicherweise fängt jemand die Verbindung ab (Man-in-the-Middle). Wurde das Zertifikat absichtlich ersetzt, löschen Sie den gepinnten Fingerabdruck im Verbindungsprofil und verbinden Sie sich erneut.</translation>
    </message>
    <message>
        <source>The pinned server certificate (SHA-256 %1) is not acceptable: %2</source>
        <translation>Das gepinnte Serverzertifikat (SHA-256 %1) ist nicht annehmbar: %2</translation>
    </message>
    <message>
        <source>The server certificate (SHA-256 %1) is not acceptable: %2</source>
        <translation>Das Serverzertifikat (SHA-256 %1) ist nicht annehmbar: %2</translation>
    </message>
    <message>
        <source>No CA file is configured and no certificate is pinned for this connection.</source>
        <translation>Für diese Verbindung ist weder eine CA-Datei eingestellt noch ein Zertifikat gepinnt.</translation>
    </message>
</context>
<context>
    <name>noc::ServiceStatusModel</name>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Listening on</source>
        <translation>Lauscht auf</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Wird beendet</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>Nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>noc::SshTunnelWorker</name>
    <message>
        <source>Cannot create an SSH session (out of memory).</source>
        <translation>Es kann keine SSH-Sitzung angelegt werden (kein Speicher mehr).</translation>
    </message>
    <message>
        <source>Cannot connect to the SSH server %1: %2</source>
        <translation>Keine Verbindung zum SSH-Server %1: %2</translation>
    </message>
    <message>
        <source>The SSH server %1 sent no usable host key: %2</source>
        <translation>Der SSH-Server %1 hat keinen brauchbaren Host-Schlüssel gesendet: %2</translation>
    </message>
    <message>
        <source>WARNING: THE SSH HOST KEY OF %1 HAS CHANGED. It now presents the %2 key %3, but %4 records %5. Someone could be intercepting the connection (man-in-the-middle attack), or the host key was replaced. The connection was refused; if the change is expected, remove the old key from %4 and connect again.</source>
        <translation>WARNUNG: DER SSH-HOST-SCHLÜSSEL VON %1 HAT SICH GEÄNDERT. Er legt jetzt den %2-Schlüssel %3 vor, %4 verzeichnet aber %5. Jemand könnte die Verbindung abfangen (Man-in-the-Middle-Angriff), oder der Host-Schlüssel wurde ersetzt. Die Verbindung wurde abgelehnt; ist die Änderung erwartet, entfernen Sie den alten Schlüssel aus %4 und verbinden Sie sich erneut.</translation>
    </message>
    <message>
        <source>a different key</source>
        <translation>einen anderen Schlüssel</translation>
    </message>
    <message>
        <source>WARNING: the SSH server %1 presented a %2 key (%3), but %4 holds a key of a different type for this host. Someone could be intercepting the connection (man-in-the-middle attack). The connection was refused; if the change is expected, remove the old key from %4 and connect again.</source>
        <translation>WARNUNG: Der SSH-Server %1 hat einen %2-Schlüssel (%3) vorgelegt, %4 enthält für diesen Host aber einen Schlüssel anderen Typs. Jemand könnte die Verbindung abfangen (Man-in-the-Middle-Angriff). Die Verbindung wurde abgelehnt; ist die Änderung erwartet, entfernen Sie den alten Schlüssel aus %4 und verbinden Sie sich erneut.</translation>
    </message>
    <message>
        <source>Cannot check the host key of %1 against %2: %3</source>
        <translation>Der Host-Schlüssel von %1 kann nicht mit %2 abgeglichen werden: %3</translation>
    </message>
    <message>
        <source>The host key of %1 was not accepted.</source>
        <translation>Der Host-Schlüssel von %1 wurde nicht akzeptiert.</translation>
    </message>
    <message>
        <source>Cannot read the SSH private key %1.</source>
        <translation>Der private SSH-Schlüssel %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot load the SSH private key %1: it is not a private key, or the passphrase is wrong.</source>
        <translation>Der private SSH-Schlüssel %1 kann nicht geladen werden: Es ist kein privater Schlüssel oder die Passphrase ist falsch.</translation>
    </message>
    <message>
        <source>The SSH server %1 refused the %2 for user %3.</source>
        <translation>Der SSH-Server %1 hat %2 für den Benutzer %3 abgelehnt.</translation>
    </message>
    <message>
        <source>public key</source>
        <translation>den öffentlichen Schlüssel</translation>
    </message>
    <message>
        <source>password</source>
        <translation>das Passwort</translation>
    </message>
    <message>
        <source>The SSH server %1 asks for a further authentication method, which the console does not support.</source>
        <translation>Der SSH-Server %1 verlangt eine weitere Authentifizierungsmethode, die die Konsole nicht unterstützt.</translation>
    </message>
    <message>
        <source>SSH authentication with %1 failed: %2</source>
        <translation>SSH-Authentifizierung bei %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Cannot set up the SSH event loop.</source>
        <translation>Die SSH-Ereignisschleife kann nicht eingerichtet werden.</translation>
    </message>
    <message>
        <source>Cannot open a local port for the SSH tunnel: %1</source>
        <translation>Für den SSH-Tunnel kann kein lokaler Port geöffnet werden: %1</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>der Server hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>The SSH connection to %1 was lost: %2</source>
        <translation>Die SSH-Verbindung zu %1 ist abgebrochen: %2</translation>
    </message>
</context>
<context>
    <name>noc::TopologyLegend</name>
    <message>
        <source>Link utilisation</source>
        <translation>Leitungsauslastung</translation>
    </message>
    <message>
        <source>Device status</source>
        <translation>Gerätestatus</translation>
    </message>
    <message>
        <source>Map legend</source>
        <translation>Kartenlegende</translation>
    </message>
</context>
<context>
    <name>noc::TopologyMapView</name>
    <message>
        <source>Topology map</source>
        <translation>Topologiekarte</translation>
    </message>
</context>
<context>
    <name>noc::TopologyPage</name>
    <message>
        <source>The layout was not saved: not connected. It will be saved with the next move.</source>
        <translation>Die Anordnung wurde nicht gespeichert: nicht verbunden. Sie wird mit der nächsten Verschiebung gespeichert.</translation>
    </message>
    <message>
        <source>Not connected: the map shows the state last received.</source>
        <translation>Nicht verbunden: Die Karte zeigt den zuletzt empfangenen Zustand.</translation>
    </message>
    <message>
        <source>The topology could not be read: %1</source>
        <translation>Die Topologie konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The device status could not be read: %1</source>
        <translation>Der Gerätestatus konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The layout was not saved: %1. The devices stay where you put them; moving one tries again.</source>
        <translation>Die Anordnung wurde nicht gespeichert: %1. Die Geräte bleiben, wo Sie sie abgelegt haben; beim nächsten Verschieben wird es erneut versucht.</translation>
    </message>
    <message>
        <source>%1 up · %2 with alarms · %3 down · %4 unknown · %5 stale</source>
        <translation>%1 aktiv · %2 mit Alarmen · %3 ausgefallen · %4 unbekannt · %5 veraltet</translation>
    </message>
    <message>
        <source>up</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>with alarms</source>
        <translation>mit Alarmen</translation>
    </message>
    <message>
        <source>down</source>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
    <message>
        <source>Status of %1</source>
        <translation>Status von %1</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read the topology and the state of every device again</source>
        <translation>Topologie und Zustand aller Geräte neu lesen</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show the whole map (0)</source>
        <translation>Die ganze Karte zeigen (0)</translation>
    </message>
</context>
<context>
    <name>noc::TopologyScene</name>
    <message>
        <source>No site</source>
        <translation>Kein Standort</translation>
    </message>
</context>
<context>
    <name>noc::TopologyStyle</name>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>, stale</source>
        <translation>, veraltet</translation>
    </message>
    <message>
        <source>, acknowledged</source>
        <translation>, quittiert</translation>
    </message>
    <message>
        <source>, in maintenance</source>
        <translation>, in Wartung</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 (%2)
Status: %3</source>
        <translation>%1 (%2)
Status: %3</translation>
    </message>
    <message>
        <source>Stale: not polled recently; the status may be out of date</source>
        <translation>Veraltet: in letzter Zeit nicht abgefragt; der Status ist möglicherweise überholt</translation>
    </message>
    <message>
        <source>Cause: %1</source>
        <translation>Ursache: %1</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Quittiert</translation>
    </message>
    <message>
        <source>In maintenance</source>
        <translation>In Wartung</translation>
    </message>
    <message>
        <source>Last polled: %1</source>
        <translation>Zuletzt abgefragt: %1</translation>
    </message>
    <message>
        <source>up</source>
        <translation>in Betrieb</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>gering</translation>
    </message>
    <message>
        <source>major</source>
        <translation>schwer</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>down</source>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <source>unreachable (behind a failed parent)</source>
        <translation>nicht erreichbar (hinter einem ausgefallenen übergeordneten Gerät)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>router</source>
        <translation>Router</translation>
    </message>
    <message>
        <source>switch</source>
        <translation>Switch</translation>
    </message>
    <message>
        <source>firewall</source>
        <translation>Firewall</translation>
    </message>
    <message>
        <source>load balancer</source>
        <translation>Load Balancer</translation>
    </message>
    <message>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>name server</source>
        <translation>Nameserver</translation>
    </message>
    <message>
        <source>registryd node</source>
        <translation>registryd-Knoten</translation>
    </message>
    <message>
        <source>device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>&lt; 50 %</source>
        <translation>&lt; 50 %</translation>
    </message>
    <message>
        <source>50-80 %</source>
        <translation>50–80 %</translation>
    </message>
    <message>
        <source>80-95 %</source>
        <translation>80–95 %</translation>
    </message>
    <message>
        <source>&gt;= 95 %</source>
        <translation>≥ 95 %</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <source>stale (not polled recently)</source>
        <translation>veraltet (in letzter Zeit nicht abgefragt)</translation>
    </message>
</context>
<context>
    <name>noc::TrapLogModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>v%1 inform</source>
        <translation>v%1 Inform</translation>
    </message>
    <message>
        <source>v%1 trap</source>
        <translation>v%1 Trap</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Trap OID</source>
        <translation>Trap-OID</translation>
    </message>
    <message>
        <source>Alarm event</source>
        <translation>Alarmereignis</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Received: %1 (%2)</source>
        <translation>Empfangen: %1 (%2)</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Quelle: %1</translation>
    </message>
    <message>
        <source>Trap OID: %1</source>
        <translation>Trap-OID: %1</translation>
    </message>
    <message>
        <source>SNMPv3 user: %1</source>
        <translation>SNMPv3-Benutzer: %1</translation>
    </message>
    <message>
        <source>Alarm event: %1</source>
        <translation>Alarmereignis: %1</translation>
    </message>
    <message>
        <source>Varbinds are not sent on the live stream; refresh the trap log to read them.</source>
        <translation>Varbinds werden im Live-Stream nicht gesendet; aktualisieren Sie das Trap-Protokoll, um sie zu lesen.</translation>
    </message>
    <message>
        <source>No varbinds.</source>
        <translation>Keine Varbinds.</translation>
    </message>
</context>
<context>
    <name>noc::TrustDialog</name>
    <message>
        <source>The engine presented a certificate this console cannot verify. Compare the fingerprint with the one shown by the engine&apos;s administrator (for example from &quot;openssl x509 -fingerprint -sha256&quot;) before trusting it. If you did not expect this, cancel: someone may be intercepting the connection.</source>
        <translation>Die Engine hat ein Zertifikat vorgelegt, das diese Konsole nicht prüfen kann. Vergleichen Sie den Fingerabdruck mit dem, den Ihnen der Administrator der Engine nennt (zum Beispiel aus „openssl x509 -fingerprint -sha256“), bevor Sie ihm vertrauen. Wenn Sie das nicht erwartet haben, brechen Sie ab: Jemand könnte die Verbindung abfangen.</translation>
    </message>
    <message>
        <source>Unverified server certificate</source>
        <translation>Nicht überprüftes Serverzertifikat</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>Problem:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Inhaber:</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>Aussteller:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256-Fingerabdruck:</translation>
    </message>
    <message>
        <source>Trust once</source>
        <translation>Einmal vertrauen</translation>
    </message>
    <message>
        <source>Trust and pin</source>
        <translation>Vertrauen und pinnen</translation>
    </message>
    <message>
        <source>The SSH server&apos;s host key is not in your known_hosts file. Compare the fingerprint with the one the server&apos;s administrator gives you (for example from &quot;ssh-keygen -lf&quot; on the server&apos;s host key) before accepting it.</source>
        <translation>Der Host-Schlüssel des SSH-Servers steht nicht in Ihrer known_hosts-Datei. Vergleichen Sie den Fingerabdruck mit dem, den Ihnen der Administrator des Servers nennt (zum Beispiel aus „ssh-keygen -lf“ auf dem Host-Schlüssel des Servers), bevor Sie ihn akzeptieren.</translation>
    </message>
    <message>
        <source>Unknown SSH host key</source>
        <translation>Unbekannter SSH-Host-Schlüssel</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Key type:</source>
        <translation>Schlüsseltyp:</translation>
    </message>
    <message>
        <source>SHA256 fingerprint:</source>
        <translation>SHA256-Fingerabdruck:</translation>
    </message>
    <message>
        <source>Accept once</source>
        <translation>Einmal akzeptieren</translation>
    </message>
    <message>
        <source>Accept and save</source>
        <translation>Akzeptieren und speichern</translation>
    </message>
    <message>
        <source>(none given)</source>
        <translation>(keine Angabe)</translation>
    </message>
</context>
</TS>
