<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AlarmText</name>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>Majeure</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>Mineure</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>reachability</source>
        <translation>joignabilité</translation>
    </message>
    <message>
        <source>SNMP agent</source>
        <translation>agent SNMP</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>mémoire</translation>
    </message>
    <message>
        <source>restart</source>
        <translation>redémarrage</translation>
    </message>
    <message>
        <source>interface %1</source>
        <translation>interface %1</translation>
    </message>
    <message>
        <source>storage %1</source>
        <translation>stockage %1</translation>
    </message>
    <message>
        <source>service %1</source>
        <translation>service %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1 (until %2)</source>
        <translation>%1 (jusqu’au %2)</translation>
    </message>
    <message>
        <source>Acknowledged by %1 at %2</source>
        <translation>Acquittée par %1 le %2</translation>
    </message>
    <message>
        <source>Expires at %1</source>
        <translation>Expire le %1</translation>
    </message>
    <message>
        <source>Until the alarm clears or gets worse</source>
        <translation>Jusqu’à la fin de l’alarme ou son aggravation</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>levée</translation>
    </message>
    <message>
        <source>suppressed by %1</source>
        <translation>masquée par %1</translation>
    </message>
    <message>
        <source>in maintenance</source>
        <translation>en maintenance</translation>
    </message>
    <message>
        <source>raised</source>
        <translation>déclenchée</translation>
    </message>
    <message>
        <source>escalated</source>
        <translation>aggravée</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>acquittée</translation>
    </message>
    <message>
        <source>acknowledgement withdrawn</source>
        <translation>acquittement retiré</translation>
    </message>
    <message>
        <source>acknowledgement lapsed</source>
        <translation>acquittement expiré</translation>
    </message>
    <message>
        <source>suppressed</source>
        <translation>masquée</translation>
    </message>
    <message>
        <source>no longer suppressed</source>
        <translation>plus masquée</translation>
    </message>
    <message>
        <source>maintenance started</source>
        <translation>maintenance commencée</translation>
    </message>
    <message>
        <source>maintenance ended</source>
        <translation>maintenance terminée</translation>
    </message>
</context>
<context>
    <name>noc::AcknowledgeDialog</name>
    <message numerus="yes">
        <source>Acknowledge %n alarm(s)</source>
        <translation>
            <numerusform>Acquitter %n alarme</numerusform>
            <numerusform>Acquitter %n alarmes</numerusform>
        </translation>
    </message>
    <message>
        <source>What is being done, and by whom</source>
        <translation>Ce qui est fait, et par qui</translation>
    </message>
    <message>
        <source>Until cleared or worse</source>
        <translation>Jusqu’à la fin ou une aggravation</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 heure</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 heures</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 heures</translation>
    </message>
    <message>
        <source>Until a date and time…</source>
        <translation>Jusqu’à une date et une heure…</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Commentaire :</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Expire :</translation>
    </message>
    <message>
        <source>The alarms stay listed; they stop flashing on the NOC wall until the acknowledgement expires or an alarm gets worse.</source>
        <translation>Les alarmes restent listées ; elles cessent de clignoter sur le mur du NOC jusqu’à l’expiration de l’acquittement ou l’aggravation d’une alarme.</translation>
    </message>
    <message>
        <source>A comment is required: say what is being done.</source>
        <translation>Un commentaire est requis : indiquez ce qui est fait.</translation>
    </message>
    <message>
        <source>The comment is %1 characters long; at most %2 are allowed.</source>
        <translation>Le commentaire compte %1 caractères ; %2 au plus sont autorisés.</translation>
    </message>
    <message>
        <source>The expiry must lie in the future.</source>
        <translation>L’expiration doit se situer dans le futur.</translation>
    </message>
</context>
<context>
    <name>noc::AlarmDetailDialog</name>
    <message>
        <source>Alarm %1</source>
        <translation>Alarme %1</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>Notified</source>
        <translation>Notifiée</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Chargement de l’historique…</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Raised %1 (%2)</source>
        <translation>Déclenchée le %1 (%2)</translation>
    </message>
    <message>
        <source>Cleared %1</source>
        <translation>Levée le %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>The engine recorded no history for this alarm.</source>
        <translation>Le moteur n’a enregistré aucun historique pour cette alarme.</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>L’historique n’a pas pu être lu : %1</translation>
    </message>
</context>
<context>
    <name>noc::AlarmModel</name>
    <message>
        <source>Device id %1</source>
        <translation>Identifiant d’équipement %1</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Équipement</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acquittée</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>noc::AlarmsPage</name>
    <message>
        <source>Alarms</source>
        <translation>Alarmes</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>Trap log</source>
        <translation>Journal des traps</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>Toutes les gravités</translation>
    </message>
    <message>
        <source>Minor and worse</source>
        <translation>Mineure et plus grave</translation>
    </message>
    <message>
        <source>Major and worse</source>
        <translation>Majeure et plus grave</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>Critiques seulement</translation>
    </message>
    <message>
        <source>Filter by device or cause</source>
        <translation>Filtrer par équipement ou cause</translation>
    </message>
    <message>
        <source>Needs attention only</source>
        <translation>Seulement ce qui demande attention</translation>
    </message>
    <message>
        <source>Only alarms nobody has acknowledged that are not suppressed or in maintenance</source>
        <translation>Seulement les alarmes que personne n’a acquittées, ni masquées ni en maintenance</translation>
    </message>
    <message>
        <source>Include suppressed and in maintenance</source>
        <translation>Inclure les masquées et en maintenance</translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation>Acquitter…</translation>
    </message>
    <message>
        <source>Unacknowledge</source>
        <translation>Retirer l’acquittement</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Historique…</translation>
    </message>
    <message>
        <source>New window…</source>
        <translation>Nouvelle fenêtre…</translation>
    </message>
    <message>
        <source>End now</source>
        <translation>Terminer maintenant</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>No answer from the engine: %1</source>
        <translation>Pas de réponse du moteur : %1</translation>
    </message>
    <message>
        <source>Not allowed for your role: %1</source>
        <translation>Non autorisé pour votre rôle : %1</translation>
    </message>
    <message>
        <source>The engine refused the request (%1): %2</source>
        <translation>Le moteur a refusé la requête (%1) : %2</translation>
    </message>
    <message>
        <source>Not connected: these are the last known alarms.</source>
        <translation>Non connecté : voici les dernières alarmes connues.</translation>
    </message>
    <message>
        <source>Connect to an engine to see its alarms.</source>
        <translation>Connectez-vous à un moteur pour voir ses alarmes.</translation>
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
        <translation>Chargement des alarmes…</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) in the engine&apos;s answer could not be read.</source>
        <translation>
            <numerusform>%n alarme de la réponse du moteur n’a pas pu être lue.</numerusform>
            <numerusform>%n alarmes de la réponse du moteur n’ont pas pu être lues.</numerusform>
        </translation>
    </message>
    <message>
        <source>No maintenance window is planned.</source>
        <translation>Aucune fenêtre de maintenance n’est prévue.</translation>
    </message>
    <message>
        <source>No trap has been received.</source>
        <translation>Aucun trap n’a été reçu.</translation>
    </message>
    <message>
        <source>Your role may not acknowledge alarms.</source>
        <translation>Votre rôle ne permet pas d’acquitter des alarmes.</translation>
    </message>
    <message>
        <source>Your role may not plan maintenance.</source>
        <translation>Votre rôle ne permet pas de planifier une maintenance.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n alarm(s)</source>
        <translation>
            <numerusform>%1 sur %n alarme</numerusform>
            <numerusform>%1 sur %n alarmes</numerusform>
        </translation>
    </message>
    <message>
        <source>Select at most %1 alarms at a time.</source>
        <translation>Sélectionnez au plus %1 alarmes à la fois.</translation>
    </message>
    <message>
        <source>alarm %1: %2</source>
        <translation>alarme %1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>Acknowledged %1 of %n alarm(s).</source>
        <translation>
            <numerusform>%1 alarme sur %n acquittée.</numerusform>
            <numerusform>%1 alarmes sur %n acquittées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Withdrew the acknowledgement of %1 of %n alarm(s).</source>
        <translation>
            <numerusform>Acquittement retiré pour %1 alarme sur %n.</numerusform>
            <numerusform>Acquittement retiré pour %1 alarmes sur %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Non effectué : %1</translation>
    </message>
    <message>
        <source>Maintenance window &quot;%1&quot; planned.</source>
        <translation>Fenêtre de maintenance « %1 » planifiée.</translation>
    </message>
    <message>
        <source>End maintenance window</source>
        <translation>Terminer la fenêtre de maintenance</translation>
    </message>
    <message>
        <source>End &quot;%1&quot; now? Its alarms will want attention again.</source>
        <translation>Terminer « %1 » maintenant ? Ses alarmes demanderont de nouveau attention.</translation>
    </message>
    <message>
        <source>Cancel &quot;%1&quot;? It has not started yet.</source>
        <translation>Annuler « %1 » ? Elle n’a pas encore commencé.</translation>
    </message>
    <message>
        <source>Maintenance window &quot;%1&quot; ended.</source>
        <translation>Fenêtre de maintenance « %1 » terminée.</translation>
    </message>
</context>
<context>
    <name>noc::CommandLineOptions</name>
    <message>
        <source>NOC console for the domain-name registry engine.</source>
        <translation>Console NOC pour le moteur de registre de noms de domaine.</translation>
    </message>
    <message>
        <source>Connect with the saved profile &lt;name&gt;.</source>
        <translation>Se connecter avec le profil enregistré &lt;name&gt;.</translation>
    </message>
    <message>
        <source>Connect directly over TLS to &lt;url&gt; (https://host:port).</source>
        <translation>Se connecter directement en TLS à &lt;url&gt; (https://hôte:port).</translation>
    </message>
    <message>
        <source>Verify the engine&apos;s certificate against the CA in &lt;file&gt;.</source>
        <translation>Vérifier le certificat du moteur avec l’AC contenue dans &lt;file&gt;.</translation>
    </message>
    <message>
        <source>Log in as &lt;name&gt;.</source>
        <translation>Se connecter en tant que &lt;name&gt;.</translation>
    </message>
    <message>
        <source>Read the password from the first line of &lt;file&gt; (must be mode 0600).</source>
        <translation>Lire le mot de passe sur la première ligne de &lt;file&gt; (mode 0600 obligatoire).</translation>
    </message>
    <message>
        <source>Use &lt;language&gt; (en, de or fr) for this run.</source>
        <translation>Utiliser &lt;language&gt; (en, de ou fr) pour cette exécution.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Argument inattendu : %1</translation>
    </message>
    <message>
        <source>--connect needs an address like https://127.0.0.1:9443, not &quot;%1&quot;.</source>
        <translation>--connect attend une adresse comme https://127.0.0.1:9443, et non « %1 ».</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; use one of: %2.</source>
        <translation>Langue inconnue « %1 » ; choisissez parmi : %2.</translation>
    </message>
    <message>
        <source>--ca, --user and --password-file need --profile or --connect.</source>
        <translation>--ca, --user et --password-file nécessitent --profile ou --connect.</translation>
    </message>
    <message>
        <source>There is no saved profile called &quot;%1&quot;.</source>
        <translation>Aucun profil enregistré ne s’appelle « %1 ».</translation>
    </message>
    <message>
        <source>Cannot read the password file %1: %2</source>
        <translation>Impossible de lire le fichier de mot de passe %1 : %2</translation>
    </message>
    <message>
        <source>The password file %1 is accessible to other users; run &quot;chmod 600 %1&quot; first.</source>
        <translation>Le fichier de mot de passe %1 est accessible à d’autres utilisateurs ; exécutez d’abord « chmod 600 %1 ».</translation>
    </message>
    <message>
        <source>The password file %1 is too large.</source>
        <translation>Le fichier de mot de passe %1 est trop volumineux.</translation>
    </message>
    <message>
        <source>The password file %1 is empty.</source>
        <translation>Le fichier de mot de passe %1 est vide.</translation>
    </message>
</context>
<context>
    <name>noc::ConnectDialog</name>
    <message>
        <source>Connect to a registry engine</source>
        <translation>Se connecter à un moteur de registre</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Donnez un nom au profil.</translation>
    </message>
    <message>
        <source>The profile name must not start or end with spaces.</source>
        <translation>Le nom du profil ne doit ni commencer ni finir par une espace.</translation>
    </message>
    <message>
        <source>Another profile is already called &quot;%1&quot;.</source>
        <translation>Un autre profil s’appelle déjà « %1 ».</translation>
    </message>
    <message>
        <source>Enter the host name or address of the management API.</source>
        <translation>Saisissez le nom d’hôte ou l’adresse de l’API de gestion.</translation>
    </message>
    <message>
        <source>Enter the port of the management API.</source>
        <translation>Saisissez le port de l’API de gestion.</translation>
    </message>
    <message>
        <source>Enter the user name to log in with.</source>
        <translation>Saisissez le nom d’utilisateur pour la connexion.</translation>
    </message>
    <message>
        <source>The CA certificate file %1 does not exist or cannot be read.</source>
        <translation>Le fichier de certificat d’AC %1 n’existe pas ou n’est pas lisible.</translation>
    </message>
    <message>
        <source>The pinned fingerprint is not a SHA-256 fingerprint (64 hexadecimal digits).</source>
        <translation>L’empreinte épinglée n’est pas une empreinte SHA-256 (64 chiffres hexadécimaux).</translation>
    </message>
    <message>
        <source>Enter the SSH server to tunnel through.</source>
        <translation>Saisissez le serveur SSH par lequel passe le tunnel.</translation>
    </message>
    <message>
        <source>Enter the SSH server&apos;s port.</source>
        <translation>Saisissez le port du serveur SSH.</translation>
    </message>
    <message>
        <source>Enter the SSH user name.</source>
        <translation>Saisissez le nom d’utilisateur SSH.</translation>
    </message>
    <message>
        <source>Choose the SSH private key file.</source>
        <translation>Choisissez le fichier de clé privée SSH.</translation>
    </message>
    <message>
        <source>The SSH key file %1 does not exist or cannot be read.</source>
        <translation>Le fichier de clé SSH %1 n’existe pas ou n’est pas lisible.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profils</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Direct TLS</source>
        <translation>TLS direct</translation>
    </message>
    <message>
        <source>SSH tunnel</source>
        <translation>Tunnel SSH</translation>
    </message>
    <message>
        <source>Transport:</source>
        <translation>Transport :</translation>
    </message>
    <message>
        <source>For an SSH tunnel, the address as seen from the SSH server (usually 127.0.0.1).</source>
        <translation>Pour un tunnel SSH, l’adresse vue depuis le serveur SSH (en général 127.0.0.1).</translation>
    </message>
    <message>
        <source>API host:</source>
        <translation>Hôte de l’API :</translation>
    </message>
    <message>
        <source>API port:</source>
        <translation>Port de l’API :</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Utilisateur :</translation>
    </message>
    <message>
        <source>none: use the pinned fingerprint, or ask</source>
        <translation>aucune : utiliser l’empreinte épinglée, ou demander</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>Certificat d’AC :</translation>
    </message>
    <message>
        <source>none pinned</source>
        <translation>aucune épinglée</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Oublier</translation>
    </message>
    <message>
        <source>Forget the pinned certificate; the next connection asks again.</source>
        <translation>Oublier le certificat épinglé ; la prochaine connexion redemandera.</translation>
    </message>
    <message>
        <source>Pinned certificate:</source>
        <translation>Certificat épinglé :</translation>
    </message>
    <message>
        <source>SSH host:</source>
        <translation>Hôte SSH :</translation>
    </message>
    <message>
        <source>SSH port:</source>
        <translation>Port SSH :</translation>
    </message>
    <message>
        <source>SSH user:</source>
        <translation>Utilisateur SSH :</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>Clé publique</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>Authentification :</translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation>Clé privée :</translation>
    </message>
    <message>
        <source>~/.ssh/known_hosts</source>
        <translation>~/.ssh/known_hosts</translation>
    </message>
    <message>
        <source>Known hosts file:</source>
        <translation>Fichier known_hosts :</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Choose the CA certificate</source>
        <translation>Choisir le certificat d’AC</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificats PEM (*.pem *.crt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Choose the SSH private key</source>
        <translation>Choisir la clé privée SSH</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Choose the known hosts file</source>
        <translation>Choisir le fichier known_hosts</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Nouveau profil</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: %2</source>
        <translation>Profil « %1 » : %2</translation>
    </message>
</context>
<context>
    <name>noc::ConnectionIndicator</name>
    <message>
        <source>Connected to %1 · %2 · via SSH</source>
        <translation>Connecté à %1 · %2 · via SSH</translation>
    </message>
    <message>
        <source>Connected to %1 · %2 · TLS</source>
        <translation>Connecté à %1 · %2 · TLS</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message numerus="yes">
        <source>Stale — no heartbeat for %n s</source>
        <translation>
            <numerusform>Obsolète — aucun signal de vie depuis %n s</numerusform>
            <numerusform>Obsolète — aucun signal de vie depuis %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disconnected — reconnecting in %n s</source>
        <translation>
            <numerusform>Déconnecté — reconnexion dans %n s</numerusform>
            <numerusform>Déconnecté — reconnexion dans %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Disconnected — reconnecting now…</source>
        <translation>Déconnecté — reconnexion en cours…</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Disconnected — %1</source>
        <translation>Déconnecté — %1</translation>
    </message>
</context>
<context>
    <name>noc::ConsoleSession</name>
    <message>
        <source>%1 Next attempt in %2 s.</source>
        <translation>%1 Prochaine tentative dans %2 s.</translation>
    </message>
    <message>
        <source>Opening the SSH tunnel to %1...</source>
        <translation>Ouverture du tunnel SSH vers %1...</translation>
    </message>
    <message>
        <source>Waiting for approval of the SSH host key of %1.</source>
        <translation>En attente de l’approbation de la clé d’hôte SSH de %1.</translation>
    </message>
    <message>
        <source>Waiting for approval of the server certificate.</source>
        <translation>En attente de l’approbation du certificat du serveur.</translation>
    </message>
    <message>
        <source>Logging in to %1 as %2...</source>
        <translation>Connexion à %1 en tant que %2...</translation>
    </message>
    <message>
        <source>Cannot reach the management API: %1</source>
        <translation>L’API de gestion est injoignable : %1</translation>
    </message>
    <message>
        <source>The engine answered the login without a token.</source>
        <translation>Le moteur a répondu à la connexion sans jeton.</translation>
    </message>
    <message>
        <source>The engine refused the login (HTTP %1).</source>
        <translation>Le moteur a refusé la connexion (HTTP %1).</translation>
    </message>
    <message>
        <source>The account %1 is locked: %2</source>
        <translation>Le compte %1 est verrouillé : %2</translation>
    </message>
    <message>
        <source>Login as %1 failed: %2</source>
        <translation>Échec de la connexion en tant que %1 : %2</translation>
    </message>
    <message>
        <source>The engine is not available: %1</source>
        <translation>Le moteur n’est pas disponible : %1</translation>
    </message>
    <message>
        <source>The engine rejected the login request: %1</source>
        <translation>Le moteur a rejeté la demande de connexion : %1</translation>
    </message>
    <message>
        <source>Cannot read the engine status: %1</source>
        <translation>Impossible de lire l’état du moteur : %1</translation>
    </message>
    <message>
        <source>The event stream presented a different certificate than the API.</source>
        <translation>Le flux d’événements a présenté un autre certificat que l’API.</translation>
    </message>
    <message>
        <source>Connected to %1 as %2.</source>
        <translation>Connecté à %1 en tant que %2.</translation>
    </message>
    <message>
        <source>The session token expired.</source>
        <translation>Le jeton de session a expiré.</translation>
    </message>
    <message>
        <source>The engine serves too many consoles right now.</source>
        <translation>Le moteur sert actuellement trop de consoles.</translation>
    </message>
    <message>
        <source>The engine closed the event stream: %1.</source>
        <translation>Le moteur a fermé le flux d’événements : %1.</translation>
    </message>
    <message>
        <source>The connection to the engine was lost.</source>
        <translation>La connexion au moteur a été perdue.</translation>
    </message>
    <message>
        <source>Cannot open the event stream: %1</source>
        <translation>Impossible d’ouvrir le flux d’événements : %1</translation>
    </message>
    <message>
        <source>No word from the engine for %1 s.</source>
        <translation>Aucune nouvelle du moteur depuis %1 s.</translation>
    </message>
    <message>
        <source>No heartbeat from the engine for %1 s; the data shown may be out of date.</source>
        <translation>Aucun signal de vie du moteur depuis %1 s ; les données affichées peuvent être périmées.</translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation>Connexion à %1...</translation>
    </message>
    <message>
        <source>Disconnected.</source>
        <translation>Déconnecté.</translation>
    </message>
    <message>
        <source>The server certificate was not accepted.</source>
        <translation>Le certificat du serveur n’a pas été accepté.</translation>
    </message>
    <message>
        <source>The SSH host key was not accepted.</source>
        <translation>La clé d’hôte SSH n’a pas été acceptée.</translation>
    </message>
    <message>
        <source>Not connected to an engine.</source>
        <translation>Connecté à aucun moteur.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an API path.</source>
        <translation>« %1 » n’est pas un chemin d’API.</translation>
    </message>
    <message>
        <source>Reconnecting to %1...</source>
        <translation>Reconnexion à %1...</translation>
    </message>
    <message>
        <source>%1 is not a method the console sends.</source>
        <translation>%1 n’est pas une méthode que la console envoie.</translation>
    </message>
</context>
<context>
    <name>noc::CriticalAlarmIndicator</name>
    <message>
        <source>Show the alarms that need attention</source>
        <translation>Afficher les alarmes qui demandent attention</translation>
    </message>
    <message numerus="yes">
        <source>%n critical/major alarm(s) need attention</source>
        <translation>
            <numerusform>%n alarme critique/majeure demande attention</numerusform>
            <numerusform>%n alarmes critiques/majeures demandent attention</numerusform>
        </translation>
    </message>
    <message>
        <source>No critical alarms</source>
        <translation>Aucune alarme critique</translation>
    </message>
</context>
<context>
    <name>noc::DevicePage</name>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>not polled (no SNMP settings)</source>
        <translation>non interrogé (pas de réglages SNMP)</translation>
    </message>
    <message>
        <source>SNMP v%1, disabled</source>
        <translation>SNMP v%1, désactivé</translation>
    </message>
    <message>
        <source>SNMP v%1</source>
        <translation>SNMP v%1</translation>
    </message>
    <message>
        <source>no status yet</source>
        <translation>pas encore d’état</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>, stale</source>
        <translation>, périmé</translation>
    </message>
    <message>
        <source>, acknowledged</source>
        <translation>, acquitté</translation>
    </message>
    <message>
        <source>, in maintenance</source>
        <translation>, en maintenance</translation>
    </message>
    <message>
        <source>answering</source>
        <translation>répond</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 %2 % used</source>
        <translation>%1 %2 % utilisé</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Lecture…</translation>
    </message>
    <message>
        <source>The metrics could not be read: %1</source>
        <translation>Les mesures n’ont pas pu être lues : %1</translation>
    </message>
    <message>
        <source>The alarms could not be read: %1</source>
        <translation>Les alarmes n’ont pas pu être lues : %1</translation>
    </message>
    <message>
        <source>The engine&apos;s answer had no samples.</source>
        <translation>La réponse du moteur ne contenait aucune mesure.</translation>
    </message>
    <message>
        <source>No samples in this period.</source>
        <translation>Aucune mesure sur cette période.</translation>
    </message>
    <message>
        <source>reachability</source>
        <translation>joignabilité</translation>
    </message>
    <message>
        <source>%1 (behind %2)</source>
        <translation>%1 (derrière %2)</translation>
    </message>
    <message>
        <source>by %1: %2</source>
        <translation>par %1 : %2</translation>
    </message>
    <message>
        <source>in maintenance</source>
        <translation>en maintenance</translation>
    </message>
    <message>
        <source>No active alarms.</source>
        <translation>Aucune alarme active.</translation>
    </message>
    <message>
        <source>ifIndex %1</source>
        <translation>ifIndex %1</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Back to the topology map (Alt+Left, Esc)</source>
        <translation>Retour à la carte de topologie (Alt+Gauche, Échap)</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Équipement</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Site :</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <source>Depends on:</source>
        <translation>Dépend de :</translation>
    </message>
    <message>
        <source>Polling:</source>
        <translation>Interrogation :</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
    <message>
        <source>Reachability:</source>
        <translation>Joignabilité :</translation>
    </message>
    <message>
        <source>Round trip:</source>
        <translation>Aller-retour :</translation>
    </message>
    <message>
        <source>CPU:</source>
        <translation>CPU :</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>Mémoire :</translation>
    </message>
    <message>
        <source>Disks:</source>
        <translation>Disques :</translation>
    </message>
    <message>
        <source>Last polled:</source>
        <translation>Dernière interrogation :</translation>
    </message>
    <message>
        <source>Active alarms</source>
        <translation>Alarmes actives</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Composant</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acquittée</translation>
    </message>
    <message>
        <source>Interfaces</source>
        <translation>Interfaces</translation>
    </message>
    <message>
        <source>Recent metrics</source>
        <translation>Mesures récentes</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <source>The last hour</source>
        <translation>La dernière heure</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <source>The last 24 hours</source>
        <translation>Les dernières 24 heures</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 j</translation>
    </message>
    <message>
        <source>The last 7 days</source>
        <translation>Les 7 derniers jours</translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation>&amp;Interface :</translation>
    </message>
    <message>
        <source>Round trip (ms)</source>
        <translation>Aller-retour (ms)</translation>
    </message>
    <message>
        <source>CPU (%)</source>
        <translation>CPU (%)</translation>
    </message>
    <message>
        <source>Memory (%)</source>
        <translation>Mémoire (%)</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Entrant</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Sortant</translation>
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
        <translation>%1 % de ses requêtes refusées par la limite de débit</translation>
    </message>
    <message>
        <source>Client address</source>
        <translation>Adresse du client</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Queries</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusées</translation>
    </message>
</context>
<context>
    <name>noc::DirectoryPage</name>
    <message>
        <source>the engine&apos;s answer is not directory statistics</source>
        <translation>la réponse du moteur ne contient pas de statistiques d&apos;annuaire</translation>
    </message>
    <message>
        <source>Not allowed for your role: %1</source>
        <translation>Non autorisé pour votre rôle : %1</translation>
    </message>
    <message>
        <source>No answer from the engine: %1</source>
        <translation>Pas de réponse du moteur : %1</translation>
    </message>
    <message>
        <source>The engine refused the request (%1): %2</source>
        <translation>Le moteur a refusé la requête (%1) : %2</translation>
    </message>
    <message>
        <source>All queries</source>
        <translation>Toutes les requêtes</translation>
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
        <translation>requêtes par seconde</translation>
    </message>
    <message>
        <source>refusals per second</source>
        <translation>refus par seconde</translation>
    </message>
    <message>
        <source>Cache hits</source>
        <translation>Succès du cache</translation>
    </message>
    <message>
        <source>% of lookups</source>
        <translation>% des recherches</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Mis à jour à %1</translation>
    </message>
    <message>
        <source>Connect to an engine to see its Whois and RDAP services at work.</source>
        <translation>Connectez-vous à un moteur pour voir ses services Whois et RDAP à l&apos;œuvre.</translation>
    </message>
    <message>
        <source>Loading directory statistics…</source>
        <translation>Chargement des statistiques d&apos;annuaire…</translation>
    </message>
    <message>
        <source>Whois is not running; the charts show RDAP only.</source>
        <translation>Whois ne fonctionne pas ; les graphiques ne montrent que RDAP.</translation>
    </message>
    <message>
        <source>RDAP is not running; the charts show Whois only.</source>
        <translation>RDAP ne fonctionne pas ; les graphiques ne montrent que Whois.</translation>
    </message>
    <message numerus="yes">
        <source>Rates appear with the next update (every %n second(s)).</source>
        <translation>
            <numerusform>Les débits apparaissent à la prochaine mise à jour (chaque seconde).</numerusform>
            <numerusform>Les débits apparaissent à la prochaine mise à jour (toutes les %n secondes).</numerusform>
        </translation>
    </message>
    <message>
        <source>No directory statistics: %1</source>
        <translation>Pas de statistiques d&apos;annuaire : %1</translation>
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
        <translation>Limitées/s</translation>
    </message>
    <message>
        <source>Cached records</source>
        <translation>Enregistrements en cache</translation>
    </message>
    <message>
        <source>Open connections</source>
        <translation>Connexions ouvertes</translation>
    </message>
    <message numerus="yes">
        <source>Queries per second (last %n minute(s))</source>
        <translation>
            <numerusform>Requêtes par seconde (dernière minute)</numerusform>
            <numerusform>Requêtes par seconde (%n dernières minutes)</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused by rate limit</source>
        <translation>Refusées par la limite</translation>
    </message>
    <message>
        <source>Cache hit ratio</source>
        <translation>Taux de succès du cache</translation>
    </message>
    <message>
        <source>Busiest clients</source>
        <translation>Clients les plus actifs</translation>
    </message>
    <message>
        <source>No client has queried Whois or RDAP yet.</source>
        <translation>Aucun client n&apos;a encore interrogé Whois ou RDAP.</translation>
    </message>
</context>
<context>
    <name>noc::DnsPage</name>
    <message>
        <source>the engine&apos;s answer is not DNS statistics</source>
        <translation>la réponse du moteur ne contient pas de statistiques DNS</translation>
    </message>
    <message>
        <source>Not allowed for your role: %1</source>
        <translation>Non autorisé pour votre rôle : %1</translation>
    </message>
    <message>
        <source>No answer from the engine: %1</source>
        <translation>Pas de réponse du moteur : %1</translation>
    </message>
    <message>
        <source>The engine refused the request (%1): %2</source>
        <translation>Le moteur a refusé la requête (%1) : %2</translation>
    </message>
    <message>
        <source>All queries</source>
        <translation>Toutes les requêtes</translation>
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
        <translation>requêtes par seconde</translation>
    </message>
    <message>
        <source>answers per second</source>
        <translation>réponses par seconde</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Délégations</translation>
    </message>
    <message>
        <source>Truncated (TC)</source>
        <translation>Tronquées (TC)</translation>
    </message>
    <message>
        <source>Dropped by rate limiting</source>
        <translation>Écartées par la limitation de débit</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>par seconde</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Mis à jour à %1</translation>
    </message>
    <message>
        <source>Connect to an engine to see its DNS server at work.</source>
        <translation>Connectez-vous à un moteur pour voir son serveur DNS à l&apos;œuvre.</translation>
    </message>
    <message>
        <source>Loading DNS statistics…</source>
        <translation>Chargement des statistiques DNS…</translation>
    </message>
    <message numerus="yes">
        <source>Rates appear with the next update (every %n second(s)).</source>
        <translation>
            <numerusform>Les débits apparaissent à la prochaine mise à jour (chaque seconde).</numerusform>
            <numerusform>Les débits apparaissent à la prochaine mise à jour (toutes les %n secondes).</numerusform>
        </translation>
    </message>
    <message>
        <source>Queries/s</source>
        <translation>Requêtes/s</translation>
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
        <translation>Requêtes depuis le démarrage</translation>
    </message>
    <message>
        <source>Referrals/s</source>
        <translation>Délégations/s</translation>
    </message>
    <message>
        <source>Truncated/s</source>
        <translation>Tronquées/s</translation>
    </message>
    <message>
        <source>Rate-limited/s</source>
        <translation>Limitées/s</translation>
    </message>
    <message numerus="yes">
        <source>Queries per second (last %n minute(s))</source>
        <translation>
            <numerusform>Requêtes par seconde (dernière minute)</numerusform>
            <numerusform>Requêtes par seconde (%n dernières minutes)</numerusform>
        </translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>Zones</translation>
    </message>
    <message>
        <source>The DNS server publishes no zones yet.</source>
        <translation>Le serveur DNS ne publie encore aucune zone.</translation>
    </message>
    <message>
        <source>No DNS statistics: %1</source>
        <translation>Pas de statistiques DNS : %1</translation>
    </message>
    <message>
        <source>By response code</source>
        <translation>Par code de réponse</translation>
    </message>
    <message>
        <source>Referrals, TC, rate limits</source>
        <translation>Délégations, TC, limites</translation>
    </message>
</context>
<context>
    <name>noc::DnsZoneModel</name>
    <message>
        <source>not yet</source>
        <translation>pas encore</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>N° de série</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Noms</translation>
    </message>
    <message>
        <source>Journal entry</source>
        <translation>Entrée journal</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publiée</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
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
        <translation>%1 j %2 h</translation>
    </message>
</context>
<context>
    <name>noc::EventLogModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s’est passé</translation>
    </message>
    <message>
        <source>Journal #%1</source>
        <translation>Journal nº %1</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Moteur</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2 by %3</source>
        <translation>%1 %2 par %3</translation>
    </message>
    <message>
        <source>%1 is now %2</source>
        <translation>%1 est maintenant %2</translation>
    </message>
    <message>
        <source>%1 is now %2 (%3)</source>
        <translation>%1 est maintenant %2 (%3)</translation>
    </message>
    <message>
        <source>Event stream opened as %1 (engine %2)</source>
        <translation>Flux d’événements ouvert en tant que %1 (moteur %2)</translation>
    </message>
    <message>
        <source>Engine is shutting down</source>
        <translation>Le moteur s’arrête</translation>
    </message>
    <message>
        <source>Engine is shutting down (%1)</source>
        <translation>Le moteur s’arrête (%1)</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Connecté à %1</translation>
    </message>
    <message>
        <source>No heartbeat from the engine: the data shown may be old</source>
        <translation>Aucun signal de vie du moteur : les données affichées peuvent être périmées</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Connexion perdue</translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation>Connexion perdue : %1</translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation>Connexion impossible</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>Connexion impossible : %1</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Disconnected: %1</source>
        <translation>Déconnecté : %1</translation>
    </message>
    <message>
        <source>Login failed: %1</source>
        <translation>Échec de la connexion : %1</translation>
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
        <translation>Hors service alors qu’activée administrativement</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Oper</source>
        <translation>Opér.</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Débit</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Utilisation</translation>
    </message>
</context>
<context>
    <name>noc::MainWindow</name>
    <message>
        <source>Some saved profiles could not be read: %1</source>
        <translation>Certains profils enregistrés n’ont pas pu être lus : %1</translation>
    </message>
    <message>
        <source>About noc-console</source>
        <translation>À propos de noc-console</translation>
    </message>
    <message>
        <source>noc-console %1

The network operations console for the domain-name registry engine.</source>
        <translation>noc-console %1

La console du centre d’exploitation réseau pour le moteur de registre de noms de domaine.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vue d’ensemble</translation>
    </message>
    <message>
        <source>Topology</source>
        <translation>Topologie</translation>
    </message>
    <message>
        <source>Health &amp; Alarms</source>
        <translation>État et alarmes</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Registre</translation>
    </message>
    <message>
        <source>This page will list trouble tickets with their escalation timers for each help-desk tier. The engine does not provide tickets yet.</source>
        <translation>Cette page listera les tickets d’incident avec leurs délais d’escalade pour chaque niveau du support. Le moteur ne fournit pas encore de tickets.</translation>
    </message>
    <message>
        <source>This page will show full and incremental backups, the tape rotation and escrow deposits. The engine does not provide backup status yet.</source>
        <translation>Cette page montrera les sauvegardes complètes et incrémentales, la rotation des bandes et les dépôts séquestres. Le moteur ne fournit pas encore l’état des sauvegardes.</translation>
    </message>
    <message>
        <source>This page will chart availability and response times against the service-level targets. The engine does not provide SLA measurements yet.</source>
        <translation>Cette page tracera la disponibilité et les temps de réponse face aux objectifs de niveau de service. Le moteur ne fournit pas encore de mesures SLA.</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Connexion</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>Se &amp;connecter…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Déconnecter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About noc-console</source>
        <translation>&amp;À propos de noc-console</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Connexion perdue</translation>
    </message>
    <message>
        <source>Login failed</source>
        <translation>Échec de la connexion</translation>
    </message>
    <message>
        <source>The engine refused the login as &quot;%1&quot;.</source>
        <translation>Le moteur a refusé la connexion en tant que « %1 ».</translation>
    </message>
    <message>
        <source>Pinned the certificate of %1 in profile &quot;%2&quot;.</source>
        <translation>Certificat de %1 épinglé dans le profil « %2 ».</translation>
    </message>
    <message>
        <source>Profiles not saved</source>
        <translation>Profils non enregistrés</translation>
    </message>
    <message>
        <source>The connection profiles could not be saved.</source>
        <translation>Les profils de connexion n’ont pas pu être enregistrés.</translation>
    </message>
    <message>
        <source>no engine</source>
        <translation>aucun moteur</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Connexion en cours</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Logging in as %1…</source>
        <translation>Connexion en tant que %1…</translation>
    </message>
    <message>
        <source>STALE</source>
        <translation>OBSOLÈTE</translation>
    </message>
    <message>
        <source>Connection stale</source>
        <translation>Connexion obsolète</translation>
    </message>
    <message>
        <source>No heartbeat from the engine since %1. What you see may be out of date; the console reconnects if the engine stays silent.</source>
        <translation>Aucun signal de vie du moteur depuis %1. L’affichage peut être périmé ; la console se reconnecte si le moteur reste muet.</translation>
    </message>
    <message>
        <source>DISCONNECTED</source>
        <translation>DÉCONNECTÉ</translation>
    </message>
    <message>
        <source>Everything below is the last known state. Reconnecting automatically at %1.</source>
        <translation>Tout ce qui suit est le dernier état connu. Reconnexion automatique à %1.</translation>
    </message>
    <message>
        <source>login failed</source>
        <translation>échec de la connexion</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Choose a connection profile to connect to a registry engine.</source>
        <translation>Choisissez un profil de connexion pour vous connecter à un moteur de registre.</translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation>Connexion impossible</translation>
    </message>
    <message>
        <source>The console is not connected to the engine.</source>
        <translation>La console n’est pas connectée au moteur.</translation>
    </message>
    <message>
        <source>Everything below is the last known state.</source>
        <translation>Tout ce qui suit est le dernier état connu.</translation>
    </message>
    <message>
        <source>Logged in as %1</source>
        <translation>Connecté en tant que %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>NOC Console</source>
        <translation>Console NOC</translation>
    </message>
    <message>
        <source>Everything below is the last known state. Reconnecting to %1 now…</source>
        <translation>Tout ce qui suit est le dernier état connu. Reconnexion à %1 en cours…</translation>
    </message>
    <message>
        <source>&amp;Reconnect Now</source>
        <translation>&amp;Reconnecter maintenant</translation>
    </message>
    <message>
        <source>Reconnect now</source>
        <translation>Reconnecter maintenant</translation>
    </message>
    <message>
        <source>Try to reconnect at once instead of waiting for the next automatic attempt</source>
        <translation>Tenter la reconnexion immédiatement au lieu d&apos;attendre la prochaine tentative automatique</translation>
    </message>
    <message>
        <source>Disconnect and stop reconnecting</source>
        <translation>Se déconnecter et cesser les tentatives de reconnexion</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>Whois &amp; RDAP</source>
        <translation>Whois et RDAP</translation>
    </message>
    <message>
        <source>&amp;Wall Mode</source>
        <translation>Mode &amp;mur</translation>
    </message>
    <message>
        <source>Full screen for a NOC wall: no navigation or menus, larger text (Esc leaves)</source>
        <translation>Plein écran pour un mur de NOC : sans navigation ni menus, texte plus grand (Échap pour quitter)</translation>
    </message>
    <message>
        <source>Alarm &amp;Sound</source>
        <translation>&amp;Son des alarmes</translation>
    </message>
    <message>
        <source>Beep every few seconds while a new critical or major alarm is unacknowledged</source>
        <translation>Émettre un bip toutes les quelques secondes tant qu’une nouvelle alarme critique ou majeure n’est pas acquittée</translation>
    </message>
</context>
<context>
    <name>noc::MaintenanceModel</name>
    <message>
        <source>site %1</source>
        <translation>site %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>jusqu’au %1</translation>
    </message>
    <message>
        <source>once</source>
        <translation>une fois</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>quotidienne</translation>
    </message>
    <message>
        <source>weekly on %1</source>
        <translation>hebdomadaire le %1</translation>
    </message>
    <message>
        <source>ended %1</source>
        <translation>terminée le %1</translation>
    </message>
    <message>
        <source>active now</source>
        <translation>active maintenant</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>prévue</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Portée</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planification</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Créée par</translation>
    </message>
</context>
<context>
    <name>noc::MaintenanceWindowDialog</name>
    <message>
        <source>New maintenance window</source>
        <translation>Nouvelle fenêtre de maintenance</translation>
    </message>
    <message>
        <source>e.g. Core router firmware upgrade</source>
        <translation>p. ex. mise à jour du micrologiciel du routeur cœur</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>Une fois</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Chaque jour</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Chaque semaine</translation>
    </message>
    <message>
        <source>Repeat until</source>
        <translation>Répéter jusqu’au</translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation>Équipements :</translation>
    </message>
    <message>
        <source>Sites (every device there):</source>
        <translation>Sites (tous leurs équipements) :</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titre :</translation>
    </message>
    <message>
        <source>Repeats:</source>
        <translation>Répétition :</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>Début :</translation>
    </message>
    <message>
        <source>End:</source>
        <translation>Fin :</translation>
    </message>
    <message>
        <source>On:</source>
        <translation>Les :</translation>
    </message>
    <message>
        <source>Give the window a title.</source>
        <translation>Donnez un titre à la fenêtre.</translation>
    </message>
    <message>
        <source>Choose at least one device or site.</source>
        <translation>Choisissez au moins un équipement ou un site.</translation>
    </message>
    <message>
        <source>The end must come after the start.</source>
        <translation>La fin doit suivre le début.</translation>
    </message>
    <message>
        <source>A repeating window lasts at most 24 hours each time.</source>
        <translation>Une fenêtre récurrente dure au plus 24 heures à chaque fois.</translation>
    </message>
    <message>
        <source>The window would already be over.</source>
        <translation>La fenêtre serait déjà terminée.</translation>
    </message>
    <message>
        <source>Choose the weekdays the window repeats on.</source>
        <translation>Choisissez les jours de la semaine où la fenêtre se répète.</translation>
    </message>
    <message>
        <source>The last day comes before the first.</source>
        <translation>Le dernier jour précède le premier.</translation>
    </message>
</context>
<context>
    <name>noc::MonitorInterfaceState</name>
    <message>
        <source>up</source>
        <translation>active</translation>
    </message>
    <message>
        <source>down</source>
        <translation>inactive</translation>
    </message>
    <message>
        <source>testing</source>
        <translation>test</translation>
    </message>
    <message>
        <source>dormant</source>
        <translation>en veille</translation>
    </message>
    <message>
        <source>not present</source>
        <translation>absente</translation>
    </message>
    <message>
        <source>lower layer down</source>
        <translation>couche inférieure hors service</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
</context>
<context>
    <name>noc::MonitorTranslator</name>
    <message>
        <source>Not polled (no SNMP settings, or disabled)</source>
        <translation>Non interrogé (pas de réglages SNMP, ou désactivé)</translation>
    </message>
    <message>
        <source>Not polled yet</source>
        <translation>Pas encore interrogé</translation>
    </message>
    <message>
        <source>Unreachable behind %1</source>
        <translation>Injoignable derrière %1</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Pas de réponse</translation>
    </message>
    <message>
        <source>No answer: %1</source>
        <translation>Pas de réponse : %1</translation>
    </message>
    <message>
        <source>The last poll was not answered</source>
        <translation>La dernière interrogation est restée sans réponse</translation>
    </message>
    <message>
        <source>The last poll was not answered: %1</source>
        <translation>La dernière interrogation est restée sans réponse : %1</translation>
    </message>
    <message>
        <source>Active %1 alarm</source>
        <translation>Alarme active (%1)</translation>
    </message>
    <message>
        <source>Waiting for the engine&apos;s status</source>
        <translation>En attente de l’état du moteur</translation>
    </message>
</context>
<context>
    <name>noc::OverviewPage</name>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s), %1</source>
        <translation>
            <numerusform>%n jour, %1</numerusform>
            <numerusform>%n jours, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Moteur</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Recent events</source>
        <translation>Événements récents</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Site :</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version :</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Démarré :</translation>
    </message>
    <message>
        <source>Uptime:</source>
        <translation>Temps de fonctionnement :</translation>
    </message>
    <message>
        <source>Journal head:</source>
        <translation>Tête du journal :</translation>
    </message>
    <message>
        <source>%1 (last known)</source>
        <translation>%1 (dernière valeur connue)</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>nº %1</translation>
    </message>
    <message>
        <source>Hash of the newest entry: %1</source>
        <translation>Empreinte de l’entrée la plus récente : %1</translation>
    </message>
    <message>
        <source>No engine connected. Connect to a registry engine to see its live status here.</source>
        <translation>Aucun moteur connecté. Connectez-vous à un moteur de registre pour voir ici son état en direct.</translation>
    </message>
    <message>
        <source>Live — last update %1</source>
        <translation>En direct — dernière mise à jour %1</translation>
    </message>
    <message>
        <source>Not live — showing the last known state as of %1</source>
        <translation>Pas en direct — dernier état connu à %1</translation>
    </message>
    <message>
        <source>Newest entry:</source>
        <translation>Entrée la plus récente :</translation>
    </message>
    <message>
        <source>Head hash:</source>
        <translation>Empreinte de la tête :</translation>
    </message>
</context>
<context>
    <name>noc::PasswordDialog</name>
    <message>
        <source>Log in to %1</source>
        <translation>Connexion à %1</translation>
    </message>
    <message>
        <source>%1:%2 through SSH to %3@%4</source>
        <translation>%1:%2 via SSH par %3@%4</translation>
    </message>
    <message>
        <source>Connecting to the registry engine at %1.</source>
        <translation>Connexion au moteur de registre à l’adresse %1.</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Utilisateur :</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>SSH password:</source>
        <translation>Mot de passe SSH :</translation>
    </message>
    <message>
        <source>leave empty if the key has none</source>
        <translation>laisser vide si la clé n’en a pas</translation>
    </message>
    <message>
        <source>Key passphrase:</source>
        <translation>Phrase secrète de la clé :</translation>
    </message>
    <message>
        <source>Passwords are kept in memory for automatic reconnects and never saved.</source>
        <translation>Les mots de passe restent en mémoire pour les reconnexions automatiques et ne sont jamais enregistrés.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
</context>
<context>
    <name>noc::ProfileStore</name>
    <message>
        <source>A connection profile needs a name.</source>
        <translation>Un profil de connexion doit avoir un nom.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: the management API host is empty.</source>
        <translation>Profil « %1 » : l’hôte de l’API de gestion est vide.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: the management API port must be between 1 and 65535.</source>
        <translation>Profil « %1 » : le port de l’API de gestion doit être compris entre 1 et 65535.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: the user name is empty.</source>
        <translation>Profil « %1 » : le nom d’utilisateur est vide.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: the pinned fingerprint is not a SHA-256 fingerprint (64 hexadecimal digits).</source>
        <translation>Profil « %1 » : l’empreinte épinglée n’est pas une empreinte SHA-256 (64 chiffres hexadécimaux).</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: the SSH host is empty.</source>
        <translation>Profil « %1 » : l’hôte SSH est vide.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: the SSH port must be between 1 and 65535.</source>
        <translation>Profil « %1 » : le port SSH doit être compris entre 1 et 65535.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: the SSH user is empty.</source>
        <translation>Profil « %1 » : l’utilisateur SSH est vide.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: public-key authentication needs a private key file.</source>
        <translation>Profil « %1 » : l’authentification par clé publique nécessite un fichier de clé privée.</translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation>entrée %1</translation>
    </message>
    <message>
        <source>Connection profile %1: unknown transport &quot;%2&quot;.</source>
        <translation>Profil de connexion %1 : transport « %2 » inconnu.</translation>
    </message>
    <message>
        <source>Connection profile %1: unknown SSH authentication &quot;%2&quot;.</source>
        <translation>Profil de connexion %1 : authentification SSH « %2 » inconnue.</translation>
    </message>
    <message>
        <source>Connection profile %1: a port is not a number between 1 and 65535.</source>
        <translation>Profil de connexion %1 : un port n’est pas un nombre entre 1 et 65535.</translation>
    </message>
    <message>
        <source>Connection profile &quot;%1&quot; appears twice; the second is ignored.</source>
        <translation>Le profil de connexion « %1 » apparaît deux fois ; le second est ignoré.</translation>
    </message>
    <message>
        <source>Two connection profiles are named &quot;%1&quot;; names must be unique.</source>
        <translation>Deux profils de connexion s’appellent « %1 » ; les noms doivent être uniques.</translation>
    </message>
    <message>
        <source>Cannot write the connection profiles to %1.</source>
        <translation>Impossible d’écrire les profils de connexion dans %1.</translation>
    </message>
</context>
<context>
    <name>noc::RegistrarActivityModel</name>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n an</numerusform>
            <numerusform>%n ans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s); %1</source>
        <translation>
            <numerusform>%n an ; %1</numerusform>
            <numerusform>%n ans ; %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Opération</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>Solde après</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latence</translation>
    </message>
    <message>
        <source>Client address</source>
        <translation>Adresse du client</translation>
    </message>
    <message>
        <source>Server TRID</source>
        <translation>TRID serveur</translation>
    </message>
</context>
<context>
    <name>noc::RegistryPage</name>
    <message>
        <source>Type part of a name or ID to search for.</source>
        <translation>Saisissez une partie d’un nom ou d’un identifiant à rechercher.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>Loading registrars…</source>
        <translation>Chargement des bureaux d’enregistrement…</translation>
    </message>
    <message numerus="yes">
        <source>%n registrar(s).</source>
        <translation>
            <numerusform>%n bureau d’enregistrement.</numerusform>
            <numerusform>%n bureaux d’enregistrement.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Aucun résultat.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) so far; more are available.</source>
        <translation>
            <numerusform>%n résultat pour l’instant ; d’autres sont disponibles.</numerusform>
            <numerusform>%n résultats pour l’instant ; d’autres sont disponibles.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s).</source>
        <translation>
            <numerusform>%n résultat.</numerusform>
            <numerusform>%n résultats.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n élément</numerusform>
            <numerusform>%n éléments</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>ROID</source>
        <translation>ROID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>TLD</source>
        <translation>TLD</translation>
    </message>
    <message>
        <source>Registrar</source>
        <translation>Bureau d’enregistrement</translation>
    </message>
    <message>
        <source>Registrant</source>
        <translation>Titulaire</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Transféré</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Créé par</translation>
    </message>
    <message>
        <source>Updated by</source>
        <translation>Modifié par</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Nameservers</source>
        <translation>Serveurs de noms</translation>
    </message>
    <message>
        <source>Subordinate hosts</source>
        <translation>Hôtes subordonnés</translation>
    </message>
    <message>
        <source>DS records</source>
        <translation>Enregistrements DS</translation>
    </message>
    <message>
        <source>Grace periods</source>
        <translation>Périodes de grâce</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Transferts</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>Champs personnalisés</translation>
    </message>
    <message>
        <source>Superordinate domain</source>
        <translation>Domaine parent</translation>
    </message>
    <message>
        <source>IPv4 addresses</source>
        <translation>Adresses IPv4</translation>
    </message>
    <message>
        <source>IPv6 addresses</source>
        <translation>Adresses IPv6</translation>
    </message>
    <message>
        <source>Linked domains (count)</source>
        <translation>Domaines liés (nombre)</translation>
    </message>
    <message>
        <source>Linked domains</source>
        <translation>Domaines liés</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Rue</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>State/province</source>
        <translation>État/province</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>Fax</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Privacy level</source>
        <translation>Niveau de confidentialité</translation>
    </message>
    <message>
        <source>IANA ID</source>
        <translation>Identifiant IANA</translation>
    </message>
    <message>
        <source>Web site</source>
        <translation>Site web</translation>
    </message>
    <message>
        <source>Low-balance warning at</source>
        <translation>Alerte de solde bas à</translation>
    </message>
    <message>
        <source>XRP users</source>
        <translation>Utilisateurs XRP</translation>
    </message>
    <message>
        <source>Allowed client addresses</source>
        <translation>Adresses client autorisées</translation>
    </message>
    <message>
        <source>Client certificates</source>
        <translation>Certificats client</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>Empreinte SHA-256</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valable jusqu’au</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Domaines</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hôtes</translation>
    </message>
    <message>
        <source>Contacts (count)</source>
        <translation>Contacts (nombre)</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation>Connexions échouées</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Verrouillé jusqu’au</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Mot de passe changé</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Not allowed for your role: %1</source>
        <translation>Non autorisé pour votre rôle : %1</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>Introuvable : %1</translation>
    </message>
    <message>
        <source>No answer from the engine: %1</source>
        <translation>Pas de réponse du moteur : %1</translation>
    </message>
    <message>
        <source>The engine refused the request (%1): %2</source>
        <translation>Le moteur a refusé la requête (%1) : %2</translation>
    </message>
    <message>
        <source>Domain, host, contact ID or registrar</source>
        <translation>Domaine, hôte, identifiant de contact ou bureau d’enregistrement</translation>
    </message>
    <message>
        <source>Registrars</source>
        <translation>Bureaux d’enregistrement</translation>
    </message>
    <message>
        <source>Match anywhere</source>
        <translation>N’importe où dans le nom</translation>
    </message>
    <message>
        <source>Find names that contain the text anywhere, not only at the start (slower on a large registry)</source>
        <translation>Trouver les noms qui contiennent le texte n’importe où, pas seulement au début (plus lent sur un grand registre)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>All registrars</source>
        <translation>Tous les bureaux d’enregistrement</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>Charger plus</translation>
    </message>
    <message>
        <source>Load older entries</source>
        <translation>Charger les entrées plus anciennes</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Balance:</source>
        <translation>Solde :</translation>
    </message>
    <message>
        <source>Credit limit:</source>
        <translation>Limite de crédit :</translation>
    </message>
    <message>
        <source>Available:</source>
        <translation>Disponible :</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>Écritures</translation>
    </message>
    <message>
        <source>XRP audit trail</source>
        <translation>Journal d’audit XRP</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Domain %1</source>
        <translation>Domaine %1</translation>
    </message>
    <message>
        <source>Host %1</source>
        <translation>Hôte %1</translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation>Contact %1</translation>
    </message>
    <message>
        <source>Registrar %1</source>
        <translation>Bureau d’enregistrement %1</translation>
    </message>
    <message>
        <source>Not connected. Connect to a registry engine to search its domains, hosts, contacts and registrars.</source>
        <translation>Non connecté. Connectez-vous à un moteur de registre pour rechercher ses domaines, hôtes, contacts et bureaux d’enregistrement.</translation>
    </message>
    <message>
        <source>Search by the start of a name or ID, or list all registrars.</source>
        <translation>Recherchez par le début d’un nom ou d’un identifiant, ou affichez tous les bureaux d’enregistrement.</translation>
    </message>
    <message>
        <source>Double-click an underlined value to open that object</source>
        <translation>Double-cliquez sur une valeur soulignée pour ouvrir cet objet</translation>
    </message>
</context>
<context>
    <name>noc::RegistrySearchModel</name>
    <message>
        <source>in-registry</source>
        <translation>dans le registre</translation>
    </message>
    <message>
        <source>external</source>
        <translation>externe</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>ROID</source>
        <translation>ROID</translation>
    </message>
    <message>
        <source>Registrar</source>
        <translation>Bureau d’enregistrement</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire</translation>
    </message>
</context>
<context>
    <name>noc::ServerTrust</name>
    <message>
        <source>Cannot read the CA file %1: %2</source>
        <translation>Impossible de lire le fichier d’AC %1 : %2</translation>
    </message>
    <message>
        <source>The CA file %1 is too large to be a certificate file.</source>
        <translation>Le fichier d’AC %1 est trop volumineux pour être un fichier de certificats.</translation>
    </message>
    <message>
        <source>The CA file %1 holds no PEM certificate.</source>
        <translation>Le fichier d’AC %1 ne contient aucun certificat PEM.</translation>
    </message>
    <message>
        <source>The pinned certificate fingerprint &quot;%1&quot; is not a SHA-256 fingerprint (64 hexadecimal digits).</source>
        <translation>L’empreinte de certificat épinglée « %1 » n’est pas une empreinte SHA-256 (64 chiffres hexadécimaux).</translation>
    </message>
    <message>
        <source>The server presented no certificate.</source>
        <translation>Le serveur n’a présenté aucun certificat.</translation>
    </message>
    <message>
        <source>The server certificate (SHA-256 %1) does not verify against the CA file %2: %3</source>
        <translation>Le certificat du serveur (SHA-256 %1) ne se vérifie pas avec le fichier d’AC %2 : %3</translation>
    </message>
    <message>
        <source>WARNING: the server certificate has changed. Expected SHA-256 %1 but the server presented %2. Someone may be intercepting the connection (man in the middle). If the certificate was replaced on purpose, clear the pinned fingerprint in the connection profile and connect again.</source>
        <translation>ATTENTION : le certificat du serveur a changé. SHA-256 attendu %1, mais le serveur a présenté %2. Quelqu’un intercepte peut-être la connexion (attaque de l’homme du milieu). Si le certificat a été remplacé volontairement, effacez l’empreinte épinglée dans le profil de connexion et reconnectez-vous.</translation>
    </message>
    <message>
        <source>The pinned server certificate (SHA-256 %1) is not acceptable: %2</source>
        <translation>Le certificat serveur épinglé (SHA-256 %1) n’est pas acceptable : %2</translation>
    </message>
    <message>
        <source>The server certificate (SHA-256 %1) is not acceptable: %2</source>
        <translation>Le certificat du serveur (SHA-256 %1) n’est pas acceptable : %2</translation>
    </message>
    <message>
        <source>No CA file is configured and no certificate is pinned for this connection.</source>
        <translation>Aucun fichier d’AC n’est configuré et aucun certificat n’est épinglé pour cette connexion.</translation>
    </message>
</context>
<context>
    <name>noc::ServiceStatusModel</name>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Listening on</source>
        <translation>À l’écoute sur</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Démarrage</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En service</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Arrêt en cours</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>Non disponible</translation>
    </message>
</context>
<context>
    <name>noc::SshTunnelWorker</name>
    <message>
        <source>Cannot create an SSH session (out of memory).</source>
        <translation>Impossible de créer une session SSH (mémoire insuffisante).</translation>
    </message>
    <message>
        <source>Cannot connect to the SSH server %1: %2</source>
        <translation>Impossible de se connecter au serveur SSH %1 : %2</translation>
    </message>
    <message>
        <source>The SSH server %1 sent no usable host key: %2</source>
        <translation>Le serveur SSH %1 n’a envoyé aucune clé d’hôte utilisable : %2</translation>
    </message>
    <message>
        <source>WARNING: THE SSH HOST KEY OF %1 HAS CHANGED. It now presents the %2 key %3, but %4 records %5. Someone could be intercepting the connection (man-in-the-middle attack), or the host key was replaced. The connection was refused; if the change is expected, remove the old key from %4 and connect again.</source>
        <translation>ATTENTION : LA CLÉ D’HÔTE SSH DE %1 A CHANGÉ. Il présente maintenant la clé %2 %3, mais %4 enregistre %5. Quelqu’un intercepte peut-être la connexion (attaque de l’homme du milieu), ou la clé d’hôte a été remplacée. La connexion a été refusée ; si le changement est attendu, retirez l’ancienne clé de %4 et reconnectez-vous.</translation>
    </message>
    <message>
        <source>a different key</source>
        <translation>une autre clé</translation>
    </message>
    <message>
        <source>WARNING: the SSH server %1 presented a %2 key (%3), but %4 holds a key of a different type for this host. Someone could be intercepting the connection (man-in-the-middle attack). The connection was refused; if the change is expected, remove the old key from %4 and connect again.</source>
        <translation>ATTENTION : le serveur SSH %1 a présenté une clé %2 (%3), mais %4 contient une clé d’un autre type pour cet hôte. Quelqu’un intercepte peut-être la connexion (attaque de l’homme du milieu). La connexion a été refusée ; si le changement est attendu, retirez l’ancienne clé de %4 et reconnectez-vous.</translation>
    </message>
    <message>
        <source>Cannot check the host key of %1 against %2: %3</source>
        <translation>Impossible de vérifier la clé d’hôte de %1 avec %2 : %3</translation>
    </message>
    <message>
        <source>The host key of %1 was not accepted.</source>
        <translation>La clé d’hôte de %1 n’a pas été acceptée.</translation>
    </message>
    <message>
        <source>Cannot read the SSH private key %1.</source>
        <translation>Impossible de lire la clé privée SSH %1.</translation>
    </message>
    <message>
        <source>Cannot load the SSH private key %1: it is not a private key, or the passphrase is wrong.</source>
        <translation>Impossible de charger la clé privée SSH %1 : ce n’est pas une clé privée, ou la phrase secrète est fausse.</translation>
    </message>
    <message>
        <source>The SSH server %1 refused the %2 for user %3.</source>
        <translation>Le serveur SSH %1 a refusé %2 pour l’utilisateur %3.</translation>
    </message>
    <message>
        <source>public key</source>
        <translation>la clé publique</translation>
    </message>
    <message>
        <source>password</source>
        <translation>le mot de passe</translation>
    </message>
    <message>
        <source>The SSH server %1 asks for a further authentication method, which the console does not support.</source>
        <translation>Le serveur SSH %1 demande une méthode d’authentification supplémentaire que la console ne prend pas en charge.</translation>
    </message>
    <message>
        <source>SSH authentication with %1 failed: %2</source>
        <translation>Échec de l’authentification SSH auprès de %1 : %2</translation>
    </message>
    <message>
        <source>Cannot set up the SSH event loop.</source>
        <translation>Impossible de mettre en place la boucle d’événements SSH.</translation>
    </message>
    <message>
        <source>Cannot open a local port for the SSH tunnel: %1</source>
        <translation>Impossible d’ouvrir un port local pour le tunnel SSH : %1</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>le serveur a fermé la connexion</translation>
    </message>
    <message>
        <source>The SSH connection to %1 was lost: %2</source>
        <translation>La connexion SSH vers %1 a été perdue : %2</translation>
    </message>
</context>
<context>
    <name>noc::TopologyLegend</name>
    <message>
        <source>Link utilisation</source>
        <translation>Utilisation des liens</translation>
    </message>
    <message>
        <source>Device status</source>
        <translation>État des équipements</translation>
    </message>
    <message>
        <source>Map legend</source>
        <translation>Légende de la carte</translation>
    </message>
</context>
<context>
    <name>noc::TopologyMapView</name>
    <message>
        <source>Topology map</source>
        <translation>Carte de topologie</translation>
    </message>
</context>
<context>
    <name>noc::TopologyPage</name>
    <message>
        <source>The layout was not saved: not connected. It will be saved with the next move.</source>
        <translation>La disposition n’a pas été enregistrée : pas de connexion. Elle le sera au prochain déplacement.</translation>
    </message>
    <message>
        <source>Not connected: the map shows the state last received.</source>
        <translation>Non connecté : la carte montre le dernier état reçu.</translation>
    </message>
    <message>
        <source>The topology could not be read: %1</source>
        <translation>La topologie n’a pas pu être lue : %1</translation>
    </message>
    <message>
        <source>The device status could not be read: %1</source>
        <translation>L’état des équipements n’a pas pu être lu : %1</translation>
    </message>
    <message>
        <source>The layout was not saved: %1. The devices stay where you put them; moving one tries again.</source>
        <translation>La disposition n’a pas été enregistrée : %1. Les équipements restent là où vous les avez placés ; le prochain déplacement réessaie.</translation>
    </message>
    <message>
        <source>%1 up · %2 with alarms · %3 down · %4 unknown · %5 stale</source>
        <translation>%1 actifs · %2 en alarme · %3 hors service · %4 inconnus · %5 périmés</translation>
    </message>
    <message>
        <source>up</source>
        <translation>actifs</translation>
    </message>
    <message>
        <source>with alarms</source>
        <translation>en alarme</translation>
    </message>
    <message>
        <source>down</source>
        <translation>hors service</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnus</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>périmés</translation>
    </message>
    <message>
        <source>Status of %1</source>
        <translation>État de %1</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Read the topology and the state of every device again</source>
        <translation>Relire la topologie et l’état de chaque équipement</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Show the whole map (0)</source>
        <translation>Afficher toute la carte (0)</translation>
    </message>
</context>
<context>
    <name>noc::TopologyScene</name>
    <message>
        <source>No site</source>
        <translation>Aucun site</translation>
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
        <translation>, périmé</translation>
    </message>
    <message>
        <source>, acknowledged</source>
        <translation>, acquitté</translation>
    </message>
    <message>
        <source>, in maintenance</source>
        <translation>, en maintenance</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>%1 (%2)
Status: %3</source>
        <translation>%1 (%2)
État : %3</translation>
    </message>
    <message>
        <source>Stale: not polled recently; the status may be out of date</source>
        <translation>Périmé : pas interrogé récemment ; l’état peut être dépassé</translation>
    </message>
    <message>
        <source>Cause: %1</source>
        <translation>Cause : %1</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acquittée</translation>
    </message>
    <message>
        <source>In maintenance</source>
        <translation>En maintenance</translation>
    </message>
    <message>
        <source>Last polled: %1</source>
        <translation>Dernière interrogation : %1</translation>
    </message>
    <message>
        <source>up</source>
        <translation>en service</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>mineure</translation>
    </message>
    <message>
        <source>major</source>
        <translation>majeure</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>critique</translation>
    </message>
    <message>
        <source>down</source>
        <translation>hors service</translation>
    </message>
    <message>
        <source>unreachable (behind a failed parent)</source>
        <translation>injoignable (derrière un parent en panne)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>router</source>
        <translation>routeur</translation>
    </message>
    <message>
        <source>switch</source>
        <translation>commutateur</translation>
    </message>
    <message>
        <source>firewall</source>
        <translation>pare-feu</translation>
    </message>
    <message>
        <source>load balancer</source>
        <translation>répartiteur de charge</translation>
    </message>
    <message>
        <source>server</source>
        <translation>serveur</translation>
    </message>
    <message>
        <source>name server</source>
        <translation>serveur de noms</translation>
    </message>
    <message>
        <source>registryd node</source>
        <translation>nœud registryd</translation>
    </message>
    <message>
        <source>device</source>
        <translation>équipement</translation>
    </message>
    <message>
        <source>&lt; 50 %</source>
        <translation>&lt; 50 %</translation>
    </message>
    <message>
        <source>50-80 %</source>
        <translation>50-80 %</translation>
    </message>
    <message>
        <source>80-95 %</source>
        <translation>80-95 %</translation>
    </message>
    <message>
        <source>&gt;= 95 %</source>
        <translation>≥ 95 %</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>non mesuré</translation>
    </message>
    <message>
        <source>stale (not polled recently)</source>
        <translation>périmé (pas interrogé récemment)</translation>
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
        <translation>v%1 inform</translation>
    </message>
    <message>
        <source>v%1 trap</source>
        <translation>v%1 trap</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Trap OID</source>
        <translation>OID du trap</translation>
    </message>
    <message>
        <source>Alarm event</source>
        <translation>Événement d’alarme</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Received: %1 (%2)</source>
        <translation>Reçu : %1 (%2)</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Source : %1</translation>
    </message>
    <message>
        <source>Trap OID: %1</source>
        <translation>OID du trap : %1</translation>
    </message>
    <message>
        <source>SNMPv3 user: %1</source>
        <translation>Utilisateur SNMPv3 : %1</translation>
    </message>
    <message>
        <source>Alarm event: %1</source>
        <translation>Événement d’alarme : %1</translation>
    </message>
    <message>
        <source>Varbinds are not sent on the live stream; refresh the trap log to read them.</source>
        <translation>Les varbinds ne sont pas transmis en direct ; actualisez le journal des traps pour les lire.</translation>
    </message>
    <message>
        <source>No varbinds.</source>
        <translation>Aucun varbind.</translation>
    </message>
</context>
<context>
    <name>noc::TrustDialog</name>
    <message>
        <source>The engine presented a certificate this console cannot verify. Compare the fingerprint with the one shown by the engine&apos;s administrator (for example from &quot;openssl x509 -fingerprint -sha256&quot;) before trusting it. If you did not expect this, cancel: someone may be intercepting the connection.</source>
        <translation>Le moteur a présenté un certificat que cette console ne peut pas vérifier. Comparez l’empreinte avec celle que vous indique l’administrateur du moteur (par exemple avec « openssl x509 -fingerprint -sha256 ») avant de lui faire confiance. Si vous ne vous y attendiez pas, annulez : quelqu’un intercepte peut-être la connexion.</translation>
    </message>
    <message>
        <source>Unverified server certificate</source>
        <translation>Certificat serveur non vérifié</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>Problème :</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Sujet :</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>Émetteur :</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>Empreinte SHA-256 :</translation>
    </message>
    <message>
        <source>Trust once</source>
        <translation>Faire confiance une fois</translation>
    </message>
    <message>
        <source>Trust and pin</source>
        <translation>Faire confiance et épingler</translation>
    </message>
    <message>
        <source>The SSH server&apos;s host key is not in your known_hosts file. Compare the fingerprint with the one the server&apos;s administrator gives you (for example from &quot;ssh-keygen -lf&quot; on the server&apos;s host key) before accepting it.</source>
        <translation>La clé d’hôte du serveur SSH ne figure pas dans votre fichier known_hosts. Comparez l’empreinte avec celle que vous donne l’administrateur du serveur (par exemple avec « ssh-keygen -lf » sur la clé d’hôte du serveur) avant de l’accepter.</translation>
    </message>
    <message>
        <source>Unknown SSH host key</source>
        <translation>Clé d’hôte SSH inconnue</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Hôte :</translation>
    </message>
    <message>
        <source>Key type:</source>
        <translation>Type de clé :</translation>
    </message>
    <message>
        <source>SHA256 fingerprint:</source>
        <translation>Empreinte SHA256 :</translation>
    </message>
    <message>
        <source>Accept once</source>
        <translation>Accepter une fois</translation>
    </message>
    <message>
        <source>Accept and save</source>
        <translation>Accepter et enregistrer</translation>
    </message>
    <message>
        <source>(none given)</source>
        <translation>(non indiqué)</translation>
    </message>
</context>
</TS>
