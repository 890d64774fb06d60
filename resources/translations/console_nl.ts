<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>ChatClock</name>
    <message>
        <location filename="../../console/ui/chat/clock_widget.py" line="82"/>
        <source>Chat clock</source>
        <extracomment>The levels in the order a chat reaches them. (background of the clock, style of its text) per level: amber, orange-red, red and bold. The ClockLevel value, once for each warning level the chat reaches.</extracomment>
        <translation>Chatklok</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/clock_widget.py" line="126"/>
        <source>No chat is running.</source>
        <translation>Er loopt geen chat.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/ui/chat/clock_widget.py" line="131"/>
        <source>%n min left</source>
        <translation>
            <numerusform>nog %n min</numerusform>
            <numerusform>nog %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/ui/chat/clock_widget.py" line="133"/>
        <source>%n min over time</source>
        <translation>
            <numerusform>%n min over tijd</numerusform>
            <numerusform>%n min over tijd</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/clock_widget.py" line="145"/>
        <source>At most 10 minutes left: start closing the circle.</source>
        <translation>Nog hooguit 10 minuten: begin met afronden (cirkel rond maken).</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/clock_widget.py" line="147"/>
        <source>At most 5 minutes left: round the chat off now.</source>
        <translation>Nog hooguit 5 minuten: rond de chat nu af.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/clock_widget.py" line="149"/>
        <source>The chat is past its 45 minutes: end it as soon as you can.</source>
        <translation>De chat duurt langer dan 45 minuten: beëindig hem zo snel mogelijk.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/clock_widget.py" line="150"/>
        <source>A chat lasts at most 45 minutes.</source>
        <translation>Een chat duurt hoogstens 45 minuten.</translation>
    </message>
</context>
<context>
    <name>ChatController</name>
    <message>
        <location filename="../../console/chat_controller.py" line="97"/>
        <source>New chat</source>
        <translation>Nieuw gesprek</translation>
    </message>
    <message>
        <location filename="../../console/chat_controller.py" line="98"/>
        <source>A young person is waiting for you (chat #{0}).</source>
        <translation>Een jongere wacht op u (gesprek #{0}).</translation>
    </message>
    <message>
        <location filename="../../console/chat_controller.py" line="111"/>
        <source>{0} raises a hand in chat #{1}: {2}</source>
        <translation>{0} steekt een hand op in gesprek #{1}: {2}</translation>
    </message>
    <message>
        <location filename="../../console/chat_controller.py" line="116"/>
        <source>Raised hand</source>
        <translation>Hand opgestoken</translation>
    </message>
    <message>
        <location filename="../../console/chat_controller.py" line="125"/>
        <source>The message is empty or too long.</source>
        <translation>Het bericht is leeg of te lang.</translation>
    </message>
</context>
<context>
    <name>ChatPanel</name>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="89"/>
        <source>Write to the young person (Enter sends, Shift+Enter for a new line)</source>
        <translation>Schrijf aan de jongere (Enter verstuurt, Shift+Enter voor een nieuwe regel)</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="92"/>
        <source>Send</source>
        <translation>Versturen</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="96"/>
        <source>Short texts</source>
        <translation>Standaardteksten</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="98"/>
        <source>Crisis</source>
        <translation>Crisis</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="102"/>
        <source>Raise hand</source>
        <translation>Hand opsteken</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="103"/>
        <source>Ask your supervisor to look along</source>
        <translation>Vraag uw begeleider om mee te kijken</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="105"/>
        <source>Please look along.</source>
        <translation>Wil je even meekijken?</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="108"/>
        <location filename="../../console/ui/chat/chat_panel.py" line="269"/>
        <location filename="../../console/ui/chat/chat_panel.py" line="276"/>
        <source>End chat</source>
        <translation>Gesprek beëindigen</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="110"/>
        <source>End as not serious</source>
        <translation>Beëindigen als niet serieus</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="116"/>
        <source>Whisper to the trainee (the young person never sees this)</source>
        <translation>Fluister naar de HIO (de jongere ziet dit nooit)</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="122"/>
        <source>Consult colleagues on shift about this chat (staff only)</source>
        <translation>Overleg met collega’s in de dienst over dit gesprek (alleen medewerkers)</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="167"/>
        <source>Anonymous</source>
        <translation>Anoniem</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="168"/>
        <source>, {0} years</source>
        <translation>, {0} jaar</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="169"/>
        <source>no theme chosen</source>
        <translation>geen thema gekozen</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="171"/>
        <source>Chat #{0} · {1}{2} · {3}</source>
        <translation>Gesprek #{0} · {1}{2} · {3}</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="198"/>
        <source>The chat has ended.</source>
        <translation>Het gesprek is beëindigd.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="200"/>
        <source>Your connection dropped; the young person is told you are coming back.</source>
        <translation>Uw verbinding is weggevallen; de jongere krijgt te zien dat u terugkomt.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="202"/>
        <source>The young person&apos;s connection dropped; the chat waits for them.</source>
        <translation>De verbinding van de jongere is weggevallen; het gesprek wacht op de jongere.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="204"/>
        <source>Arrived in the last quarter hour: only a short talk is possible.</source>
        <translation>Binnengekomen in het laatste kwartier: alleen een kort gesprek is mogelijk.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="205"/>
        <source>The young person is connected.</source>
        <translation>De jongere is verbonden.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="209"/>
        <source>You are watching a trainee&apos;s chat (read-only).</source>
        <translation>U kijkt mee met het gesprek van een HIO (alleen lezen).</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="212"/>
        <source>Assigned to you: the trainee who waited longest.</source>
        <translation>Aan u toegewezen: u was de HIO die het langst wachtte.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="214"/>
        <source>Assigned to you: no trainee could take it.</source>
        <translation>Aan u toegewezen: er was geen HIO vrij.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="224"/>
        <source> (not sent: {0})</source>
        <translation> (niet verstuurd: {0})</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="271"/>
        <source>End this chat as not serious?</source>
        <translation>Dit gesprek beëindigen als niet serieus?</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="273"/>
        <source>End this chat? The young person sees that it has ended.</source>
        <translation>Dit gesprek beëindigen? De jongere ziet dat het gesprek is afgelopen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="277"/>
        <source>Keep talking</source>
        <translation>Doorpraten</translation>
    </message>
</context>
<context>
    <name>ChatWorkspace</name>
    <message>
        <location filename="../../console/ui/chat/workspace.py" line="80"/>
        <source>Sound on a new chat</source>
        <translation>Geluid bij een nieuw gesprek</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/workspace.py" line="106"/>
        <source>No chat yet. Set yourself to Available: the next young person in the queue comes to you when it is your turn.</source>
        <translation>Nog geen gesprek. Zet uzelf op Beschikbaar: de volgende jongere in de wachtrij komt bij u als u aan de beurt bent.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/workspace.py" line="114"/>
        <source>My status:</source>
        <translation>Mijn status:</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/workspace.py" line="122"/>
        <source>Queue</source>
        <translation>Wachtrij</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/workspace.py" line="126"/>
        <source>Chat team today</source>
        <translation>Chatteam vandaag</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/workspace.py" line="159"/>
        <source>Available</source>
        <translation>Beschikbaar</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/workspace.py" line="160"/>
        <source>Pause</source>
        <translation>Pauze</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/workspace.py" line="161"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/workspace.py" line="184"/>
        <source>Register your last chat first; then you can be available again.</source>
        <translation>Registreer eerst uw laatste gesprek; daarna kunt u weer beschikbaar zijn.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/ui/chat/workspace.py" line="192"/>
        <source>Queue (%n waiting)</source>
        <translation>
            <numerusform>Wachtrij (%n wachtend)</numerusform>
            <numerusform>Wachtrij (%n wachtend)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/workspace.py" line="237"/>
        <source>#{0}</source>
        <translation>#{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/workspace.py" line="239"/>
        <source>#{0} (watching)</source>
        <translation>#{0} (meekijken)</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/workspace.py" line="241"/>
        <source>#{0} (register)</source>
        <translation>#{0} (registreren)</translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <location filename="../../console/ui/widgets/connection_indicator.py" line="30"/>
        <source>Retry now</source>
        <translation>Nu opnieuw proberen</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/connection_indicator.py" line="43"/>
        <source>stream</source>
        <translation>stream</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/connection_indicator.py" line="43"/>
        <source>long-poll</source>
        <translation>long-poll</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/connection_indicator.py" line="45"/>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/connection_indicator.py" line="46"/>
        <source>Online ({0})</source>
        <translation>Verbonden ({0})</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/connection_indicator.py" line="47"/>
        <source>Reconnecting…</source>
        <translation>Opnieuw verbinden…</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/connection_indicator.py" line="48"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
</context>
<context>
    <name>ConsoleApp</name>
    <message>
        <location filename="../../console/app.py" line="141"/>
        <source>Something went wrong</source>
        <translation>Er ging iets mis</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="324"/>
        <source>Log in again</source>
        <translation>Opnieuw inloggen</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="490"/>
        <source>Hulpmix cannot start</source>
        <translation>Hulpmix kan niet starten</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="491"/>
        <source>The settings your organisation placed on this computer are not valid:
{0}

Please contact your IT department.</source>
        <translation>De instellingen die uw organisatie op deze computer heeft gezet, zijn ongeldig:
{0}

Neem contact op met uw IT-afdeling.</translation>
    </message>
</context>
<context>
    <name>CrisisDialog</name>
    <message>
        <location filename="../../console/ui/chat/crisis_dialog.py" line="50"/>
        <source>Crisis protocol</source>
        <translation>Crisisprotocol</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/crisis_dialog.py" line="58"/>
        <source>Cold: the young person contacts the service</source>
        <translation>Koud: de jongere neemt zelf contact op met de instantie</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/crisis_dialog.py" line="60"/>
        <source>Warm: you contact the service, with consent</source>
        <translation>Warm: u neemt contact op met de instantie, met toestemming</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/crisis_dialog.py" line="74"/>
        <source>e.g. the GP or youth care</source>
        <translation>bijv. de huisarts of jeugdzorg</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/crisis_dialog.py" line="75"/>
        <source>The young person gives consent</source>
        <translation>De jongere geeft toestemming</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/crisis_dialog.py" line="89"/>
        <source>Contact details are stored encrypted, apart from the chat, and destroyed when the referral is closed.</source>
        <translation>Contactgegevens worden versleuteld en los van de chat bewaard, en vernietigd zodra de verwijzing is afgesloten.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/crisis_dialog.py" line="100"/>
        <source>Referral</source>
        <translation>Verwijzing</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/crisis_dialog.py" line="102"/>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/crisis_dialog.py" line="104"/>
        <source>Service</source>
        <translation>Instantie</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/crisis_dialog.py" line="109"/>
        <source>Contact name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/crisis_dialog.py" line="110"/>
        <source>Telephone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/crisis_dialog.py" line="111"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/crisis_dialog.py" line="113"/>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/crisis_dialog.py" line="120"/>
        <source>Save referral</source>
        <translation>Verwijzing opslaan</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/crisis_dialog.py" line="121"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/crisis_dialog.py" line="126"/>
        <source>Follow the crisis protocol:</source>
        <translation>Volg het crisisprotocol:</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/crisis_dialog.py" line="172"/>
        <source>Choose a cold or a warm referral.</source>
        <translation>Kies een koude of een warme verwijzing.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/crisis_dialog.py" line="174"/>
        <source>Fill in the service you refer to (at most 200 characters).</source>
        <translation>Vul de instantie in waarnaar u verwijst (hoogstens 200 tekens).</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/crisis_dialog.py" line="176"/>
        <source>Contact details only for a warm referral the young person agreed to.</source>
        <translation>Contactgegevens alleen bij een warme verwijzing waarmee de jongere instemt.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/crisis_dialog.py" line="179"/>
        <source>Fill in at least one way to reach the young person (at most 200 characters each).</source>
        <translation>Vul minstens één manier in om de jongere te bereiken (elk hoogstens 200 tekens).</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/crisis_dialog.py" line="181"/>
        <source>The note can be at most {0} characters.</source>
        <translation>De notitie mag hoogstens {0} tekens lang zijn.</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="42"/>
        <source>Test connection</source>
        <translation>Verbinding testen</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="47"/>
        <source>Checks every step from this computer to {0}. Copy the report for your IT desk.</source>
        <translation>Controleert elke stap van deze computer naar {0}. Kopieer het verslag voor uw IT-servicedesk.</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="52"/>
        <source>Step</source>
        <translation>Stap</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="52"/>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="65"/>
        <source>Run again</source>
        <translation>Opnieuw testen</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="66"/>
        <source>Copy report</source>
        <translation>Verslag kopiëren</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="68"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="83"/>
        <source>Name lookup</source>
        <translation>Naam opzoeken (DNS)</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="84"/>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="85"/>
        <source>Network connection (TCP)</source>
        <translation>Netwerkverbinding (TCP)</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="86"/>
        <source>Secure connection (TLS)</source>
        <translation>Beveiligde verbinding (TLS)</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="87"/>
        <source>Server answers (HTTP)</source>
        <translation>Server antwoordt (HTTP)</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="88"/>
        <source>Live updates (event stream)</source>
        <translation>Live-updates (eventstream)</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="94"/>
        <source>{0} found: {1}</source>
        <translation>{0} gevonden: {1}</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="98"/>
        <source>The name {0} cannot be found. Check the address, or ask IT whether this computer may look up outside names.</source>
        <translation>De naam {0} is niet te vinden. Controleer het adres, of vraag IT of deze computer namen buiten het netwerk mag opzoeken.</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="101"/>
        <source>No proxy is used.</source>
        <translation>Er wordt geen proxy gebruikt.</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="102"/>
        <source>Proxy {0} lets the connection through.</source>
        <translation>Proxy {0} laat de verbinding door.</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="106"/>
        <source>The proxy asks for sign-in. Enter a proxy account under Settings, or ask IT to allow this server without sign-in.</source>
        <translation>De proxy vraagt om aanmelding. Vul een proxy-account in bij Instellingen, of vraag IT deze server zonder aanmelding toe te laten.</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="110"/>
        <source>Proxy {0} refuses the connection ({1}). Ask IT to allow HTTPS to the server.</source>
        <translation>Proxy {0} weigert de verbinding ({1}). Vraag IT om HTTPS naar de server toe te staan.</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="112"/>
        <source>Proxy {0} cannot be reached: {1}</source>
        <translation>Proxy {0} is niet bereikbaar: {1}</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="115"/>
        <source>Connected to {0}.</source>
        <translation>Verbonden met {0}.</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="117"/>
        <source>No connection to {0}: {1}. A firewall may block it; ask IT to allow HTTPS (port 443) to the server.</source>
        <translation>Geen verbinding met {0}: {1}. Mogelijk blokkeert een firewall dit; vraag IT om HTTPS (poort 443) naar de server toe te staan.</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="120"/>
        <source>{0}, certificate issued by “{1}”.</source>
        <translation>{0}, certificaat uitgegeven door “{1}”.</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="124"/>
        <source>The certificate is issued by “{0}”, which this computer does not trust. If that is your organisation&apos;s inspecting proxy, IT must install its root certificate.</source>
        <translation>Het certificaat is uitgegeven door “{0}”, een uitgever die deze computer niet vertrouwt. Is dat de inspecterende proxy van uw organisatie, dan moet IT het rootcertificaat daarvan installeren.</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="129"/>
        <source>The extra root certificate file {0} cannot be used: {1}</source>
        <translation>Het extra rootcertificaat {0} is niet te gebruiken: {1}</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="131"/>
        <source>The secure connection failed: {0}</source>
        <translation>De beveiligde verbinding mislukte: {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="134"/>
        <source>The server answers (version {0}).</source>
        <translation>De server antwoordt (versie {0}).</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="135"/>
        <source>The server does not answer properly: {0}</source>
        <translation>De server antwoordt niet goed: {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="138"/>
        <source>Live updates arrive at once.</source>
        <translation>Live-updates komen direct binnen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="140"/>
        <source>A proxy holds back live updates ({0} s). The console works anyway by asking regularly; IT can exempt this server from buffering for faster updates.</source>
        <translation>Een proxy houdt live-updates vast ({0} s). De console werkt toch, door regelmatig te vragen; IT kan deze server uitzonderen van buffering voor snellere updates.</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="144"/>
        <source>Live updates do not get through ({0}). The console works anyway by asking regularly.</source>
        <translation>Live-updates komen niet door ({0}). De console werkt toch, door regelmatig te vragen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="158"/>
        <source>Testing…</source>
        <translation>Bezig met testen…</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="179"/>
        <source>Not tested: an earlier step failed.</source>
        <translation>Niet getest: een eerdere stap mislukte.</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="183"/>
        <source>Failed at: {0}.</source>
        <translation>Mislukt bij: {0}.</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="185"/>
        <source>The connection works, with a remark.</source>
        <translation>De verbinding werkt, met een opmerking.</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="187"/>
        <source>Everything works.</source>
        <translation>Alles werkt.</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics_dialog.py" line="195"/>
        <source>Connection test to {0}</source>
        <translation>Verbindingstest naar {0}</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <location filename="../../console/ui/screening/dialogs.py" line="67"/>
        <source>Edit and publish</source>
        <extracomment>(reason, remark, title or None, body)</extracomment>
        <translation>Bewerken en publiceren</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/dialogs.py" line="81"/>
        <source>Remark (required for “other”)</source>
        <translation>Toelichting (verplicht bij ‘anders’)</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/dialogs.py" line="95"/>
        <source>Publish edited</source>
        <translation>Bewerkt publiceren</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/dialogs.py" line="102"/>
        <source>Change only what must go (destructive content, personal data, method details). Spelling and grammar are never corrected.</source>
        <translation>Verander alleen wat weg moet (destructieve inhoud, persoonsgegevens, details over methoden). Spelling en grammatica worden nooit verbeterd.</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/dialogs.py" line="109"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/dialogs.py" line="111"/>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/dialogs.py" line="112"/>
        <source>Remark</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/dialogs.py" line="118"/>
        <source>Visible change:</source>
        <translation>Zichtbare wijziging:</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/dialogs.py" line="137"/>
        <source>Nothing has been changed yet.</source>
        <translation>Er is nog niets veranderd.</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/dialogs.py" line="139"/>
        <source>The text cannot be empty; reject the post instead.</source>
        <translation>De tekst kan niet leeg zijn; weiger het bericht dan.</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/dialogs.py" line="141"/>
        <source>The text is too long.</source>
        <translation>De tekst is te lang.</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/dialogs.py" line="143"/>
        <source>Choose a reason for the edit.</source>
        <translation>Kies een reden voor de bewerking.</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/dialogs.py" line="145"/>
        <source>“Other” needs a remark.</source>
        <translation>Bij ‘anders’ hoort een toelichting.</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/dialogs.py" line="158"/>
        <source>This edit only changes spelling, case or punctuation. Posts are published as typed: spelling is never corrected.</source>
        <translation>Deze bewerking verandert alleen spelling, hoofdletters of leestekens. Berichten worden gepubliceerd zoals ze getypt zijn: spelling wordt nooit verbeterd.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../console/ui/errors.py" line="27"/>
        <source>The username or password is not correct.</source>
        <translation>De gebruikersnaam of het wachtwoord klopt niet.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="28"/>
        <source>Your session has ended. Please log in again.</source>
        <translation>Uw sessie is verlopen. Log opnieuw in.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/ui/errors.py" line="31"/>
        <source>Too many failed attempts. For your safety, logging in is blocked for %n minute(s).</source>
        <translation>
            <numerusform>Te veel mislukte pogingen. Voor uw veiligheid is inloggen %n minuut geblokkeerd.</numerusform>
            <numerusform>Te veel mislukte pogingen. Voor uw veiligheid is inloggen %n minuten geblokkeerd.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="39"/>
        <source>The connection is not trusted: the certificate was issued by “{0}”, which this computer does not trust. If your organisation inspects HTTPS traffic, ask your IT desk to install that root certificate. The console never connects without a trusted certificate.</source>
        <translation>De verbinding is niet vertrouwd: het certificaat is uitgegeven door “{0}”, een uitgever die deze computer niet vertrouwt. Als uw organisatie HTTPS-verkeer inspecteert, vraag dan uw IT-servicedesk dat rootcertificaat te installeren. De console maakt nooit verbinding zonder vertrouwd certificaat.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="46"/>
        <source>The connection is not trusted: the server&apos;s certificate could not be verified. The console never connects without a trusted certificate.</source>
        <translation>De verbinding is niet vertrouwd: het certificaat van de server kon niet worden gecontroleerd. De console maakt nooit verbinding zonder vertrouwd certificaat.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="52"/>
        <source>The extra root certificate file {0} cannot be used ({1}). Check it under Settings, or ask your IT department.</source>
        <translation>Het extra rootcertificaat {0} is niet te gebruiken ({1}). Controleer het bij Instellingen, of vraag het uw IT-afdeling.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="60"/>
        <source>The proxy server did not accept your proxy username and password.</source>
        <translation>De proxyserver accepteerde uw proxy-gebruikersnaam en -wachtwoord niet.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="63"/>
        <source>The proxy server asks for a username and password. Enter them under Settings → Proxy.</source>
        <translation>De proxyserver vraagt om een gebruikersnaam en wachtwoord. Vul die in bij Instellingen → Proxy.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="68"/>
        <source>an unknown method</source>
        <translation>een onbekende methode</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="71"/>
        <source>The proxy server asks for Windows sign-in ({0}), which the console cannot use. Ask your IT desk to allow this server through the proxy without sign-in, or to provide a proxy account with Basic authentication.</source>
        <translation>De proxyserver vraagt om Windows-aanmelding ({0}), die de console niet kan gebruiken. Vraag uw IT-servicedesk deze server zonder aanmelding door de proxy toe te laten, of om een proxy-account met Basic-aanmelding.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="79"/>
        <source>The server&apos;s name cannot be found. Check the server address and the network.</source>
        <translation>De naam van de server is niet te vinden. Controleer het serveradres en het netwerk.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="84"/>
        <source>The server does not answer in time. The console keeps trying.</source>
        <translation>De server antwoordt niet op tijd. De console blijft het proberen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="88"/>
        <source>The proxy server cannot be reached or refused the connection.</source>
        <translation>De proxyserver is niet bereikbaar of weigerde de verbinding.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="91"/>
        <source>The server cannot be reached. The console keeps trying.</source>
        <translation>De server is niet bereikbaar. De console blijft het proberen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="96"/>
        <source>The server had a problem (incident {0}). Your work is kept; try again shortly.</source>
        <translation>De server had een probleem (melding {0}). Uw werk blijft bewaard; probeer het zo opnieuw.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="100"/>
        <source>The server gave an answer the console does not understand (HTTP {0}). A proxy may be in the way. Your work is kept.</source>
        <translation>De server gaf een antwoord dat de console niet begrijpt (HTTP {0}). Mogelijk zit er een proxy tussen. Uw werk blijft bewaard.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="106"/>
        <source>That is too long to send.</source>
        <translation>Dat is te lang om te versturen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="110"/>
        <source>Register your last chat before you take the next one.</source>
        <translation>Registreer uw laatste gesprek voordat u het volgende aanneemt.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="114"/>
        <source>This chat is no longer yours: it was handed over to a colleague.</source>
        <translation>Dit gesprek is niet meer van u: het is overgedragen aan een collega.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="118"/>
        <source>This chat has already ended.</source>
        <translation>Dit gesprek is al beëindigd.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="119"/>
        <source>Someone else changed this in the meantime.</source>
        <translation>Iemand anders heeft dit intussen gewijzigd.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="121"/>
        <source>You are not allowed to do this.</source>
        <translation>U mag dit niet doen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="123"/>
        <source>The server did not accept this: {0}</source>
        <translation>De server accepteerde dit niet: {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="128"/>
        <source>Something unexpected went wrong: {0}</source>
        <translation>Er ging onverwacht iets mis: {0}</translation>
    </message>
</context>
<context>
    <name>FillDialog</name>
    <message>
        <location filename="../../console/ui/roster/fill_dialog.py" line="54"/>
        <source>Fill block {0}</source>
        <extracomment>(people ids, version) the person wants these names in the block.</extracomment>
        <translation>Blok {0} invullen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fill_dialog.py" line="59"/>
        <source>{0}, block {1} — {2}</source>
        <translation>{0}, blok {1} — {2}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fill_dialog.py" line="72"/>
        <source>— open seat —</source>
        <translation>— vrije plek —</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fill_dialog.py" line="84"/>
        <source>Seat {0}</source>
        <translation>Plek {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fill_dialog.py" line="100"/>
        <source>Keep mine</source>
        <translation>Mijn keuze bewaren</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fill_dialog.py" line="102"/>
        <source>Take theirs</source>
        <translation>Hun keuze overnemen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fill_dialog.py" line="130"/>
        <source>Only {0} fills the names of this block.</source>
        <translation>Alleen {0} vult de namen van dit blok in.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fill_dialog.py" line="185"/>
        <location filename="../../console/ui/roster/fill_dialog.py" line="250"/>
        <source>Saving…</source>
        <translation>Bezig met opslaan…</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fill_dialog.py" line="207"/>
        <source>The server did not accept these names.</source>
        <translation>De server heeft deze namen niet geaccepteerd.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fill_dialog.py" line="218"/>
        <source>(nobody)</source>
        <translation>(niemand)</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fill_dialog.py" line="222"/>
        <source>Someone else changed this block while you were choosing.
Yours: {0}
Now saved: {1}</source>
        <translation>Iemand anders heeft dit blok gewijzigd terwijl u aan het kiezen was.
Uw keuze: {0}
Nu opgeslagen: {1}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fill_dialog.py" line="231"/>
        <source>The block now belongs to another institution.</source>
        <translation>Het blok hoort nu bij een andere instelling.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fill_dialog.py" line="269"/>
        <source>You now see the names as saved by your colleague.</source>
        <translation>U ziet nu de namen zoals uw collega ze heeft opgeslagen.</translation>
    </message>
</context>
<context>
    <name>GuidelinesDialog</name>
    <message>
        <location filename="../../console/ui/screening/dialogs.py" line="240"/>
        <source>Screening guidelines</source>
        <translation>Richtlijnen voor het screenen</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/dialogs.py" line="246"/>
        <source>No guidelines have been set yet.</source>
        <translation>Er zijn nog geen richtlijnen ingesteld.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../console/ui/home_page.py" line="27"/>
        <source>Welcome, {0}</source>
        <translation>Welkom, {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/home_page.py" line="32"/>
        <source>Team channel</source>
        <translation>Teamkanaal</translation>
    </message>
    <message>
        <location filename="../../console/ui/home_page.py" line="36"/>
        <source>Short messages for colleagues of your institution. Never write a young person&apos;s personal details here.</source>
        <translation>Korte berichten voor collega&apos;s van uw instelling. Schrijf hier nooit persoonsgegevens van een jongere.</translation>
    </message>
    <message>
        <location filename="../../console/ui/home_page.py" line="54"/>
        <source>Write a message (Enter sends, Shift+Enter for a new line)</source>
        <translation>Schrijf een bericht (Enter verstuurt, Shift+Enter voor een nieuwe regel)</translation>
    </message>
    <message>
        <location filename="../../console/ui/home_page.py" line="56"/>
        <source>Send</source>
        <translation>Versturen</translation>
    </message>
    <message>
        <location filename="../../console/ui/home_page.py" line="81"/>
        <source>A message can be at most {0} characters ({1} now).</source>
        <translation>Een bericht mag hoogstens {0} tekens lang zijn (nu {1}).</translation>
    </message>
</context>
<context>
    <name>ItemPanel</name>
    <message>
        <location filename="../../console/ui/screening/item_panel.py" line="69"/>
        <source>In reply to:</source>
        <extracomment>Background per mark kind: danger red, personal data amber.</extracomment>
        <translation>Reactie op:</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/item_panel.py" line="90"/>
        <source>Nothing to screen. New posts appear here by themselves.</source>
        <translation>Niets te screenen. Nieuwe berichten verschijnen hier vanzelf.</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/item_panel.py" line="130"/>
        <source>{0} · {1} · waiting {2}</source>
        <translation>{0} · {1} · wacht {2}</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/item_panel.py" line="146"/>
        <source>Not claimed</source>
        <translation>Niet in behandeling</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/item_panel.py" line="149"/>
        <source>You are screening this post</source>
        <translation>U screent dit bericht</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/item_panel.py" line="152"/>
        <source>Being screened by {0}</source>
        <translation>In behandeling door {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/item_panel.py" line="160"/>
        <source>Earlier replies:</source>
        <translation>Eerdere reacties:</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/item_panel.py" line="187"/>
        <source>⚠ Danger words (red): consider escalating (x).</source>
        <translation>⚠ Gevaarwoorden (rood): overweeg te escaleren (x).</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/item_panel.py" line="189"/>
        <source>Personal data (amber): edit it out (e) or reject (r).</source>
        <translation>Persoonsgegevens (oranje): wegbewerken (e) of weigeren (r).</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/item_panel.py" line="199"/>
        <source>Decided: {0} by {1}</source>
        <translation>Besluit: {0} door {1}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../console/ui/login_dialog.py" line="38"/>
        <source>Hulpmix — log in</source>
        <extracomment>server url, username, password, remember me</extracomment>
        <translation>Hulpmix — inloggen</translation>
    </message>
    <message>
        <location filename="../../console/ui/login_dialog.py" line="42"/>
        <source>Hulpmix staff console</source>
        <translation>Hulpmix-console voor medewerkers</translation>
    </message>
    <message>
        <location filename="../../console/ui/login_dialog.py" line="45"/>
        <source>Log in with your personal account.</source>
        <translation>Log in met uw persoonlijke account.</translation>
    </message>
    <message>
        <location filename="../../console/ui/login_dialog.py" line="51"/>
        <source>Set by your organisation.</source>
        <translation>Ingesteld door uw organisatie.</translation>
    </message>
    <message>
        <location filename="../../console/ui/login_dialog.py" line="57"/>
        <source>Remember me on this computer</source>
        <translation>Onthoud mij op deze computer</translation>
    </message>
    <message>
        <location filename="../../console/ui/login_dialog.py" line="62"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../console/ui/login_dialog.py" line="63"/>
        <source>Username</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <location filename="../../console/ui/login_dialog.py" line="64"/>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <location filename="../../console/ui/login_dialog.py" line="76"/>
        <source>Log in</source>
        <translation>Inloggen</translation>
    </message>
    <message>
        <location filename="../../console/ui/login_dialog.py" line="80"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../console/ui/login_dialog.py" line="81"/>
        <source>Test connection…</source>
        <translation>Verbinding testen…</translation>
    </message>
    <message>
        <location filename="../../console/ui/login_dialog.py" line="82"/>
        <source>Settings…</source>
        <translation>Instellingen…</translation>
    </message>
    <message>
        <location filename="../../console/ui/login_dialog.py" line="105"/>
        <source>The server address must start with https://</source>
        <translation>Het serveradres moet beginnen met https://</translation>
    </message>
    <message>
        <location filename="../../console/ui/login_dialog.py" line="108"/>
        <source>Enter your username and password.</source>
        <translation>Vul uw gebruikersnaam en wachtwoord in.</translation>
    </message>
    <message>
        <location filename="../../console/ui/login_dialog.py" line="117"/>
        <source>Logging in…</source>
        <translation>Bezig met inloggen…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/ui/main_window.py" line="35"/>
        <source>Hulpmix console — {0}</source>
        <translation>Hulpmix-console — {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="64"/>
        <source>{0} · {1} · {2}</source>
        <translation>{0} · {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="77"/>
        <source>Overview</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="78"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="79"/>
        <source>Forum screening</source>
        <translation>Forum screenen</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="80"/>
        <source>Roster</source>
        <translation>Rooster</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="81"/>
        <source>Supervision</source>
        <translation>Begeleiding</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="82"/>
        <source>Reports</source>
        <translation>Rapportages</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="83"/>
        <source>Administration</source>
        <translation>Beheer</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="90"/>
        <source>take chats from the queue, talk with young people, and register each chat.</source>
        <translation>chats uit de wachtrij aannemen, met jongeren praten en elke chat registreren.</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="93"/>
        <source>screen forum posts in the two daily rounds before publication.</source>
        <translation>forumberichten screenen in de twee dagelijkse rondes, vóór publicatie.</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="95"/>
        <source>see and fill the shift roster, and find a replacement.</source>
        <translation>het dienstrooster bekijken en vullen, en vervanging zoeken.</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="97"/>
        <source>follow trainees&apos; readiness, sign off, and keep intervision case notes.</source>
        <translation>de voortgang van hulpverleners in opleiding volgen, hen vrijgeven en casusverslagen van intervisie bijhouden.</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="99"/>
        <source>see statistics on chats, screening and the roster.</source>
        <translation>cijfers bekijken over chats, screening en het rooster.</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="100"/>
        <source>manage accounts, institutions and lists.</source>
        <translation>accounts, instellingen en lijsten beheren.</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="105"/>
        <source>trainee</source>
        <translation>hulpverlener in opleiding</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="106"/>
        <source>helper</source>
        <translation>hulpverlener</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="107"/>
        <source>supervisor</source>
        <translation>begeleider</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="108"/>
        <source>roster coordinator</source>
        <translation>roostercoördinator</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="109"/>
        <source>project lead</source>
        <translation>projectleider</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="110"/>
        <source>helpdesk</source>
        <translation>helpdesk</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="111"/>
        <source>administrator</source>
        <translation>beheerder</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="120"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="121"/>
        <source>Log &amp;out</source>
        <translation>&amp;Afmelden</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="123"/>
        <source>&amp;Quit</source>
        <translation>A&amp;fsluiten</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="129"/>
        <source>&amp;Tools</source>
        <translation>&amp;Extra</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="130"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Instellingen…</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="132"/>
        <source>&amp;Test connection…</source>
        <translation>&amp;Verbinding testen…</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="137"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="138"/>
        <source>&amp;About</source>
        <translation>&amp;Over</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="144"/>
        <source>About</source>
        <translation>Over</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="147"/>
        <source>Hulpmix staff console.
For the staff of the institutions that run the anonymous helpline for young people.</source>
        <translation>Hulpmix-console voor medewerkers.
Voor de medewerkers van de instellingen achter de anonieme hulplijn voor jongeren.</translation>
    </message>
</context>
<context>
    <name>MyShiftsView</name>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="121"/>
        <source>You have no shifts in the coming two months.</source>
        <extracomment>The person wants the .ics file; the page asks where to save it.</extracomment>
        <translation>U hebt de komende twee maanden geen diensten.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="125"/>
        <source>Calendar subscription</source>
        <translation>Agenda-abonnement</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="127"/>
        <source>Revoke link</source>
        <translation>Link intrekken</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="129"/>
        <source>Download .ics</source>
        <translation>Download .ics</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="131"/>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="141"/>
        <source>Copy</source>
        <translation>Kopiëren</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="146"/>
        <source>This link is personal: anyone who has it sees your shifts. Do not share it. Making a new link or revoking it stops the old one.</source>
        <translation>Deze link is persoonlijk: wie hem heeft, ziet uw diensten. Deel hem niet. Een nieuwe link maken of de link intrekken zet de oude link uit.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="188"/>
        <source>Add this address to your calendar as a subscription.</source>
        <translation>Voeg dit adres als abonnement toe aan uw agenda.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="193"/>
        <source>The calendar link no longer works.</source>
        <translation>De agendalink werkt niet meer.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="197"/>
        <source>Copied.</source>
        <translation>Gekopieerd.</translation>
    </message>
</context>
<context>
    <name>PhaseTracker</name>
    <message>
        <location filename="../../console/ui/chat/phase_tracker.py" line="38"/>
        <source>Conversation phases</source>
        <extracomment>The Phase value the helper marked as reached.</extracomment>
        <translation>Gespreksfasen</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/phase_tracker.py" line="85"/>
        <source>Not reached yet. Click when the chat reaches this phase.</source>
        <translation>Nog niet bereikt. Klik zodra de chat deze fase bereikt.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/phase_tracker.py" line="87"/>
        <source>Reached at {0}</source>
        <translation>Bereikt om {0}</translation>
    </message>
</context>
<context>
    <name>Phases</name>
    <message>
        <location filename="../../console/ui/chat/phase_tracker.py" line="17"/>
        <source>Warm welcome</source>
        <translation>Warm welkom</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/phase_tracker.py" line="18"/>
        <source>Clarifying the question</source>
        <translation>Vraagverheldering</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/phase_tracker.py" line="19"/>
        <source>Setting the goal</source>
        <translation>Doel gesprek vaststellen</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/phase_tracker.py" line="20"/>
        <source>Working the goal out</source>
        <translation>Gespreksdoel uitwerken</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/phase_tracker.py" line="21"/>
        <source>Closing the circle</source>
        <translation>Cirkel rond maken</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../console/ui/placeholder_page.py" line="16"/>
        <source>This part of the console is not built yet. It will let you: {0}

Until then, keep working the way your institution agreed.</source>
        <translation>Dit onderdeel van de console is nog niet gebouwd. Hiermee kunt u straks: {0}

Werk tot die tijd zoals uw instelling heeft afgesproken.</translation>
    </message>
</context>
<context>
    <name>ProposalDialog</name>
    <message>
        <location filename="../../console/ui/roster/proposal.py" line="80"/>
        <source>Roster proposal</source>
        <translation>Voorstel voor het rooster</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/proposal.py" line="92"/>
        <source>the best possible roster (proven)</source>
        <translation>het best mogelijke rooster (bewezen)</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/proposal.py" line="93"/>
        <source>a good roster (the time ran out before proving the best)</source>
        <translation>een goed rooster (de tijd was op voordat het beste bewezen was)</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/proposal.py" line="97"/>
        <source>{0} – {1}: {2}. Changes to the draft: {3} block(s), {4} forum duty.</source>
        <translation>{0} – {1}: {2}. Wijzigingen ten opzichte van het concept: {3} blok(ken), {4} forumdienst(en).</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/proposal.py" line="111"/>
        <source>The proposal is the same as the draft.</source>
        <translation>Het voorstel is gelijk aan het concept.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/proposal.py" line="118"/>
        <source>Accept</source>
        <translation>Overnemen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/proposal.py" line="120"/>
        <source>Reject</source>
        <translation>Afwijzen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/proposal.py" line="145"/>
        <source>One moment…</source>
        <translation>Een ogenblik…</translation>
    </message>
</context>
<context>
    <name>ProposalModel</name>
    <message>
        <location filename="../../console/ui/roster/proposal.py" line="35"/>
        <source>Block {0}</source>
        <translation>Blok {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/proposal.py" line="38"/>
        <source>Forum duty</source>
        <translation>Forumdienst</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/proposal.py" line="53"/>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/proposal.py" line="53"/>
        <source>Block</source>
        <translation>Blok</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/proposal.py" line="53"/>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/proposal.py" line="53"/>
        <source>Proposed</source>
        <translation>Voorstel</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/proposal.py" line="66"/>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../console/ui/chat/queue_models.py" line="68"/>
        <source>Number</source>
        <extracomment>The chat&apos;s id (str), on every cell of a queue row; the user id on every cell of a team row.</extracomment>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/queue_models.py" line="68"/>
        <source>Waiting</source>
        <translation>Wacht</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/queue_models.py" line="68"/>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/queue_models.py" line="68"/>
        <source>Short chat</source>
        <translation>Kort gesprek</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/queue_models.py" line="84"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/queue_models.py" line="90"/>
        <source>Handed over by a colleague whose connection dropped.</source>
        <translation>Overgedragen door een collega van wie de verbinding wegviel.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/queue_models.py" line="92"/>
        <source>Arrived shortly before closing: only a short chat.</source>
        <translation>Kort voor sluitingstijd binnengekomen: alleen een kort gesprek.</translation>
    </message>
</context>
<context>
    <name>RegistrationForm</name>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="118"/>
        <source>Type to search a subtopic, e.g. “ruzie”</source>
        <extracomment>The Registration, valid for the taxonomy, when the helper saves.</extracomment>
        <translation>Typ om een subthema te zoeken, bijv. “ruzie”</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="130"/>
        <source>Choose a theme</source>
        <translation>Kies een thema</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="135"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="135"/>
        <source>No</source>
        <translation>Nee</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="138"/>
        <source>In the target group</source>
        <translation>In doelgroep</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="139"/>
        <source>Older than 20</source>
        <translation>Ouder dan 20</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="140"/>
        <source>Parent or carer</source>
        <translation>Ouder/verzorger</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="141"/>
        <source>Professional</source>
        <translation>Professional</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="142"/>
        <source>Other</source>
        <translation>Anders</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="147"/>
        <source>None</source>
        <translation>Geen</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="148"/>
        <source>Cold</source>
        <translation>Koud</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="149"/>
        <source>Warm</source>
        <translation>Warm</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="156"/>
        <source>Service or organisation</source>
        <translation>Instantie of organisatie</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="158"/>
        <source>The crisis protocol was used</source>
        <translation>Het crisisprotocol is gebruikt</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="175"/>
        <location filename="../../console/ui/chat/registration_form.py" line="322"/>
        <source>Save registration</source>
        <translation>Registratie opslaan</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="195"/>
        <source>Subtopic</source>
        <translation>Subthema</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="196"/>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="197"/>
        <source>Did the chatter seem serious?</source>
        <translation>Leek de chatter serieus?</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="198"/>
        <source>Target group</source>
        <translation>Doelgroep</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="199"/>
        <source>Referral</source>
        <translation>Verwijzing</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="200"/>
        <source>Referred to</source>
        <translation>Verwezen naar</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="201"/>
        <source>Crisis</source>
        <translation>Crisis</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="202"/>
        <source>Phases completed</source>
        <translation>Doorlopen fasen</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="203"/>
        <source>Remark</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="291"/>
        <source>Choose a subtopic from the list, or empty this field.</source>
        <translation>Kies een subthema uit de lijst, of maak dit veld leeg.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="293"/>
        <source>Choose a theme.</source>
        <translation>Kies een thema.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="295"/>
        <source>Choose whether the chatter seemed serious.</source>
        <translation>Kies of de chatter serieus leek.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="297"/>
        <source>Choose the target group.</source>
        <translation>Kies de doelgroep.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="299"/>
        <source>Fill in where you referred to (at most 200 characters).</source>
        <translation>Vul in waarnaar u verwezen hebt (hoogstens 200 tekens).</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="300"/>
        <source>The remark can be at most {0} characters ({1} now).</source>
        <translation>De opmerking mag hoogstens {0} tekens lang zijn (nu {1}).</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/registration_form.py" line="322"/>
        <source>Saving…</source>
        <translation>Bezig met opslaan…</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <location filename="../../console/ui/screening/dialogs.py" line="185"/>
        <location filename="../../console/ui/screening/dialogs.py" line="198"/>
        <source>Reject</source>
        <extracomment>(reason, note)</extracomment>
        <translation>Weigeren</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/dialogs.py" line="192"/>
        <source>Note (optional; required for “other”)</source>
        <translation>Notitie (optioneel; verplicht bij ‘anders’)</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/dialogs.py" line="203"/>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/dialogs.py" line="204"/>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/dialogs.py" line="206"/>
        <source>The post will never be published.</source>
        <translation>Het bericht wordt nooit gepubliceerd.</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/dialogs.py" line="217"/>
        <source>Choose a reason.</source>
        <translation>Kies een reden.</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/dialogs.py" line="219"/>
        <source>“Other” needs a note.</source>
        <translation>Bij ‘anders’ hoort een notitie.</translation>
    </message>
</context>
<context>
    <name>RosterController</name>
    <message>
        <location filename="../../console/roster_controller.py" line="92"/>
        <source>You may not change this.</source>
        <translation>U mag dit niet wijzigen.</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="97"/>
        <source>Someone else changed this first; the roster now shows their change.</source>
        <translation>Iemand anders heeft dit eerder gewijzigd; het rooster toont nu die wijziging.</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="107"/>
        <source>This cannot be done:</source>
        <translation>Dit kan niet:</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="110"/>
        <source>The server refused the change.</source>
        <translation>De server heeft de wijziging geweigerd.</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="162"/>
        <source>No institution has this block yet.</source>
        <translation>Dit blok heeft nog geen instelling.</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="165"/>
        <source>Right-click to choose one.</source>
        <translation>Klik met de rechtermuisknop om er een te kiezen.</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="193"/>
        <source>Someone else changed this block first.</source>
        <translation>Iemand anders heeft dit blok eerder gewijzigd.</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="203"/>
        <source>You may not fill the names of this block.</source>
        <translation>U mag de namen van dit blok niet invullen.</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="213"/>
        <source>The names are saved.</source>
        <translation>De namen zijn opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="251"/>
        <source>Making a proposal; this can take up to half a minute…</source>
        <translation>Het voorstel wordt gemaakt; dit kan een halve minuut duren…</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="260"/>
        <source>No roster is possible:</source>
        <translation>Er is geen rooster mogelijk:</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="263"/>
        <source>The proposal could not be made.</source>
        <translation>Het voorstel kon niet worden gemaakt.</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="296"/>
        <source>The draft changed after the proposal was made; make a new proposal.</source>
        <translation>Het concept is gewijzigd nadat het voorstel is gemaakt; maak een nieuw voorstel.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/roster_controller.py" line="308"/>
        <source>Proposal accepted: %n change(s).</source>
        <translation>
            <numerusform>Voorstel overgenomen: %n wijziging.</numerusform>
            <numerusform>Voorstel overgenomen: %n wijzigingen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="315"/>
        <source>Proposal rejected; nothing changed.</source>
        <translation>Voorstel afgewezen; er is niets veranderd.</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="330"/>
        <source>Not yet complete:</source>
        <translation>Nog niet compleet:</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="333"/>
        <source>The roster was not published.</source>
        <translation>Het rooster is niet gepubliceerd.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/roster_controller.py" line="343"/>
        <source>Published: %n block(s).</source>
        <translation>
            <numerusform>Gepubliceerd: %n blok.</numerusform>
            <numerusform>Gepubliceerd: %n blokken.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="409"/>
        <source>Saved to {0}.</source>
        <translation>Opgeslagen in {0}.</translation>
    </message>
</context>
<context>
    <name>RosterLabels</name>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="27"/>
        <source>{weekday} {day} {month}</source>
        <translation>{weekday} {day} {month}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="51"/>
        <source>Week {0}, {1}</source>
        <translation>Week {0}, {1}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="56"/>
        <source>trainee</source>
        <translation>hulpverlener in opleiding</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="57"/>
        <source>helper</source>
        <translation>hulpverlener</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="58"/>
        <source>supervisor</source>
        <translation>begeleider</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="81"/>
        <source>{person} does not belong to {institution}, whose block this is ({day}).</source>
        <translation>{person} hoort niet bij {institution}, van wie dit blok is ({day}).</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="85"/>
        <source>{person} still needs backup: a helper or supervisor of the same institution must sit in the same block ({day}).</source>
        <translation>{person} heeft nog achtervang nodig: er moet een hulpverlener of begeleider van dezelfde instelling in hetzelfde blok zitten ({day}).</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="90"/>
        <source>{person} sits twice on {day}: all blocks of a day are the same shift.</source>
        <translation>{person} staat twee keer ingeroosterd op {day}: alle blokken van een dag zijn dezelfde dienst.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="93"/>
        <source>{person} is never available on {weekday} ({day}).</source>
        <translation>{person} kan nooit op {weekday} ({day}).</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="96"/>
        <source>{person} is not available on {day}.</source>
        <translation>{person} kan niet op {day}.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="99"/>
        <source>Block {block} on {day} has {count} names; a block has two seats.</source>
        <translation>Blok {block} op {day} heeft {count} namen; een blok heeft twee plekken.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="102"/>
        <source>Nobody is known as {person} ({day}).</source>
        <translation>Er is niemand bekend als {person} ({day}).</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="105"/>
        <source>{person} does not chat and cannot sit in a block ({day}).</source>
        <translation>{person} chat niet en kan niet in een blok zitten ({day}).</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="108"/>
        <source>The chat is closed on {day} ({reason}).</source>
        <translation>De chat is gesloten op {day} ({reason}).</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="111"/>
        <source>{day} needs {needed} blocks but has {assigned}.</source>
        <translation>{day} heeft {needed} blokken nodig maar heeft er {assigned}.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="114"/>
        <source>{institution} has more than one block on {day}.</source>
        <translation>{institution} heeft meer dan één blok op {day}.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="117"/>
        <source>No institution is known as {institution} ({day}).</source>
        <translation>Er is geen instelling bekend als {institution} ({day}).</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="120"/>
        <source>{institution} is not available on {day}.</source>
        <translation>{institution} kan niet op {day}.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="123"/>
        <source>Nobody has forum duty on {day}.</source>
        <translation>Niemand heeft forumdienst op {day}.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="126"/>
        <source>{institution} has forum duty on {day} but no block that day.</source>
        <translation>{institution} heeft forumdienst op {day} maar die dag geen blok.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="129"/>
        <source>{institution} has {count} blocks, fewer than its minimum of {minimum}.</source>
        <translation>{institution} heeft {count} blokken, minder dan het minimum van {minimum}.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="132"/>
        <source>{institution} has {count} blocks, more than its maximum of {maximum}.</source>
        <translation>{institution} heeft {count} blokken, meer dan het maximum van {maximum}.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="135"/>
        <source>Pinned block {block} on {day} must stay with {institution}.</source>
        <translation>Vastgezet blok {block} op {day} moet bij {institution} blijven.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="138"/>
        <source>{day} needs {needed} institutions but only {available} can sit that day.</source>
        <translation>{day} heeft {needed} instellingen nodig, maar er kunnen er die dag maar {available}.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="142"/>
        <source>The period needs {needed} blocks but the institutions committed to at most {maximum}.</source>
        <translation>De periode heeft {needed} blokken nodig, maar de instellingen hebben er hoogstens {maximum} toegezegd.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="146"/>
        <source>The institutions committed to at least {minimum} blocks but the period has only {available}.</source>
        <translation>De instellingen hebben minstens {minimum} blokken toegezegd, maar de periode heeft er maar {available}.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="151"/>
        <source>The pinned block of {institution} on {day} cannot stay: {reason}.</source>
        <translation>Het vastgezette blok van {institution} op {day} kan niet blijven: {reason}.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="154"/>
        <source>{institution} committed to at least {minimum} blocks but can sit on only {available} days.</source>
        <translation>{institution} heeft minstens {minimum} blokken toegezegd, maar kan maar op {available} dagen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="159"/>
        <source>The {rule} of {subject} cannot hold together with the other rules listed.</source>
        <translation>De regel ‘{rule}’ van {subject} gaat niet samen met de andere genoemde regels.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/labels.py" line="163"/>
        <source>No roster was found within {seconds} seconds; try a shorter period.</source>
        <translation>Binnen {seconds} seconden is geen rooster gevonden; probeer een kortere periode.</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../console/ui/roster/page.py" line="78"/>
        <source>Right-click a block to choose its institution, pin it or give forum duty.</source>
        <extracomment>At most this many problems are listed under the grid (the rest are counted). (start, end) the coordinator asks for a proposal. (start, end) the coordinator publishes. (path) where to save the .ics file.</extracomment>
        <translation>Klik met de rechtermuisknop op een blok om de instelling te kiezen, het blok vast te zetten of forumdienst te geven.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="99"/>
        <source>Arrows move · Enter opens a block to fill in the names</source>
        <translation>Pijltjes verplaatsen · Enter opent een blok om de namen in te vullen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="113"/>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="118"/>
        <source>My shifts</source>
        <translation>Mijn diensten</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="131"/>
        <source>Make a proposal ({0})</source>
        <translation>Voorstel maken ({0})</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="132"/>
        <source>Publish ({0})</source>
        <translation>Publiceren ({0})</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="144"/>
        <source>Last published: {0}</source>
        <translation>Laatst gepubliceerd: {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="147"/>
        <source>This week has not been published yet.</source>
        <translation>Deze week is nog niet gepubliceerd.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/ui/roster/page.py" line="158"/>
        <source>… and %n more.</source>
        <translation>
            <numerusform>… en nog %n.</numerusform>
            <numerusform>… en nog %n.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="159"/>
        <source>To do before publishing:</source>
        <translation>Nog te doen voor het publiceren:</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="185"/>
        <source>Save my shifts</source>
        <translation>Mijn diensten opslaan</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="187"/>
        <source>Calendar (*.ics)</source>
        <translation>Agenda (*.ics)</translation>
    </message>
</context>
<context>
    <name>RosterWeekModel</name>
    <message>
        <location filename="../../console/ui/roster/week_grid.py" line="117"/>
        <source>(no institution yet)</source>
        <translation>(nog geen instelling)</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/week_grid.py" line="122"/>
        <source>Forum</source>
        <translation>Forum</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/week_grid.py" line="130"/>
        <source>seat taken</source>
        <translation>bezet</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/week_grid.py" line="134"/>
        <source>open seat</source>
        <translation>vrije plek</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/week_grid.py" line="137"/>
        <source>✎ not yet published</source>
        <translation>✎ nog niet gepubliceerd</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/week_grid.py" line="153"/>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/week_grid.py" line="154"/>
        <source>Block {0}</source>
        <translation>Blok {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/week_grid.py" line="178"/>
        <source>closed: {0}</source>
        <translation>gesloten: {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/week_grid.py" line="181"/>
        <source>holiday: {0}</source>
        <translation>feestdag: {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/week_grid.py" line="183"/>
        <source>hard to staff: {0}</source>
        <translation>moeilijk te bezetten: {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/week_grid.py" line="185"/>
        <source>no forum duty yet</source>
        <translation>nog geen forumdienst</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/week_grid.py" line="188"/>
        <source>closed</source>
        <translation>gesloten</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/week_grid.py" line="215"/>
        <source>Pinned: a proposal never moves this block.</source>
        <translation>Vastgezet: een voorstel verplaatst dit blok nooit.</translation>
    </message>
</context>
<context>
    <name>RoundBar</name>
    <message>
        <location filename="../../console/ui/screening/rounds.py" line="97"/>
        <source>Today&apos;s rounds:</source>
        <translation>Rondes vandaag:</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/rounds.py" line="99"/>
        <source>No rounds today.</source>
        <translation>Vandaag geen rondes.</translation>
    </message>
</context>
<context>
    <name>RoundCard</name>
    <message numerus="yes">
        <location filename="../../console/ui/screening/rounds.py" line="56"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n wachtend</numerusform>
            <numerusform>%n wachtend</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/rounds.py" line="59"/>
        <source>oldest {0}</source>
        <translation>oudste {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/rounds.py" line="61"/>
        <source>opened by {0}</source>
        <translation>geopend door {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/rounds.py" line="66"/>
        <source>Close round</source>
        <translation>Ronde sluiten</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/rounds.py" line="68"/>
        <source>Open round</source>
        <translation>Ronde openen</translation>
    </message>
</context>
<context>
    <name>ScreeningController</name>
    <message>
        <location filename="../../console/screening_controller.py" line="95"/>
        <source>Round {0}–{1} ({2}) passed without screening.</source>
        <extracomment>Roles that screen posts; the coordinator watches rounds and statistics only.</extracomment>
        <translation>Ronde {0}–{1} ({2}) is voorbijgegaan zonder screening.</translation>
    </message>
    <message>
        <location filename="../../console/screening_controller.py" line="132"/>
        <source>Your institution is not on forum duty now: you can read along, but not screen.</source>
        <translation>Uw instelling heeft nu geen forumdienst: u kunt meelezen, maar niet screenen.</translation>
    </message>
    <message>
        <location filename="../../console/screening_controller.py" line="164"/>
        <source>Post {0}: {1}. Press u within two minutes to undo.</source>
        <translation>Bericht {0}: {1}. Druk binnen twee minuten op u om dit ongedaan te maken.</translation>
    </message>
    <message>
        <location filename="../../console/screening_controller.py" line="183"/>
        <source>Undone: post {0} is waiting again.</source>
        <translation>Ongedaan gemaakt: bericht {0} wacht weer.</translation>
    </message>
    <message>
        <location filename="../../console/screening_controller.py" line="205"/>
        <source>Round opened.</source>
        <translation>Ronde geopend.</translation>
    </message>
    <message>
        <location filename="../../console/screening_controller.py" line="207"/>
        <source>Round closed.</source>
        <translation>Ronde gesloten.</translation>
    </message>
</context>
<context>
    <name>ScreeningDialogs</name>
    <message>
        <location filename="../../console/ui/screening/dialogs.py" line="49"/>
        <source>— choose a reason —</source>
        <translation>— kies een reden —</translation>
    </message>
</context>
<context>
    <name>ScreeningLabels</name>
    <message>
        <location filename="../../console/ui/screening/labels.py" line="12"/>
        <source>published</source>
        <translation>gepubliceerd</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/labels.py" line="13"/>
        <source>edited and published</source>
        <translation>bewerkt en gepubliceerd</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/labels.py" line="14"/>
        <source>rejected</source>
        <translation>geweigerd</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/labels.py" line="15"/>
        <source>held for the trainees&apos; meeting</source>
        <translation>aangehouden voor het HIO-overleg</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/labels.py" line="16"/>
        <source>escalated to the supervisors</source>
        <translation>geëscaleerd naar de begeleiders</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/labels.py" line="24"/>
        <source>Glorifies or promotes destructive behaviour</source>
        <translation>Verheerlijkt of stimuleert destructief gedrag</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/labels.py" line="27"/>
        <source>Personal data</source>
        <translation>Persoonsgegevens</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/labels.py" line="28"/>
        <source>Details of methods</source>
        <translation>Details over methoden</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/labels.py" line="29"/>
        <source>Disrespectful</source>
        <translation>Respectloos</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/labels.py" line="30"/>
        <source>Not serious or spam</source>
        <translation>Niet serieus of spam</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/labels.py" line="31"/>
        <source>Other (remark required)</source>
        <translation>Anders (toelichting verplicht)</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/labels.py" line="38"/>
        <source>upcoming</source>
        <translation>komt nog</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/labels.py" line="39"/>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/labels.py" line="40"/>
        <source>closed</source>
        <translation>gesloten</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/labels.py" line="41"/>
        <source>missed</source>
        <translation>gemist</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/labels.py" line="48"/>
        <source>a colleague</source>
        <translation>een collega</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/labels.py" line="50"/>
        <source>{0} is already screening this post. It stays with them.</source>
        <translation>{0} screent dit bericht al. Het blijft bij hem of haar.</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/labels.py" line="56"/>
        <source>{0} already decided on this post: {1}.</source>
        <translation>{0} heeft al over dit bericht besloten: {1}.</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/labels.py" line="59"/>
        <source>This post has already been decided.</source>
        <translation>Over dit bericht is al besloten.</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/labels.py" line="61"/>
        <source>No screening round is open. Open the round first (button at the top).</source>
        <translation>Er is geen screeningsronde open. Open eerst de ronde (knop bovenaan, of o).</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/labels.py" line="66"/>
        <source>A round can only be opened during its time window.</source>
        <translation>Een ronde kan alleen binnen haar tijdvak worden geopend.</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/labels.py" line="70"/>
        <source>This round cannot be opened or closed now: it is {0}.</source>
        <translation>Deze ronde kan nu niet worden geopend of gesloten: de stand is ‘{0}’.</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/labels.py" line="74"/>
        <source>This can no longer be undone: the two minutes have passed.</source>
        <translation>Dit kan niet meer ongedaan worden gemaakt: de twee minuten zijn voorbij.</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/labels.py" line="78"/>
        <source>Only the person who decided can undo it.</source>
        <translation>Alleen wie het besluit nam, kan het ongedaan maken.</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/labels.py" line="81"/>
        <source>The server refused: {0}</source>
        <translation>De server weigerde: {0}</translation>
    </message>
</context>
<context>
    <name>ScreeningPage</name>
    <message>
        <location filename="../../console/ui/screening/page.py" line="133"/>
        <source>j/k next/previous · p publish · e edit · r reject · h hold · x escalate · u undo · g guidelines · o/c open/close round</source>
        <extracomment>An item is on screen (id): fetch its context. The screener stayed on an item: claim it (id). The screener moved away from an item they claimed without deciding (id). (item id, decision, extras: reason, remark, title, body) (from, to)</extracomment>
        <translation>j/k volgende/vorige · p publiceren · e bewerken · r weigeren · h aanhouden · x escaleren · u ongedaan maken · g richtlijnen · o/c ronde openen/sluiten</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/page.py" line="144"/>
        <source>Publish (p)</source>
        <translation>Publiceren (p)</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/page.py" line="145"/>
        <source>Edit (e)</source>
        <translation>Bewerken (e)</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/page.py" line="146"/>
        <source>Reject (r)</source>
        <translation>Weigeren (r)</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/page.py" line="147"/>
        <source>Hold (h)</source>
        <translation>Aanhouden (h)</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/page.py" line="148"/>
        <source>Escalate (x)</source>
        <translation>Escaleren (x)</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/page.py" line="149"/>
        <source>Undo (u)</source>
        <translation>Ongedaan maken (u)</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/page.py" line="150"/>
        <source>Guidelines (g)</source>
        <translation>Richtlijnen (g)</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/page.py" line="191"/>
        <source>Screening</source>
        <translation>Screenen</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/page.py" line="196"/>
        <source>Statistics</source>
        <translation>Statistiek</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/page.py" line="234"/>
        <source>To screen</source>
        <translation>Te screenen</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/page.py" line="235"/>
        <source>Held (trainees&apos; meeting)</source>
        <translation>Aangehouden (HIO-overleg)</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/page.py" line="236"/>
        <source>Escalated</source>
        <translation>Geëscaleerd</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/ui/screening/page.py" line="241"/>
        <source>Queue (%n post(s))</source>
        <translation>
            <numerusform>Wachtrij (%n bericht)</numerusform>
            <numerusform>Wachtrij (%n berichten)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScreeningQueue</name>
    <message>
        <location filename="../../console/ui/screening/queue_model.py" line="40"/>
        <source>{0} min</source>
        <extracomment>The item id on every cell of a row.</extracomment>
        <translation>{0} min</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/queue_model.py" line="43"/>
        <source>{0} h {1:02d}</source>
        <translation>{0} u {1:02d}</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/queue_model.py" line="44"/>
        <source>{0} d</source>
        <translation>{0} d</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/queue_model.py" line="49"/>
        <source>topic</source>
        <translation>onderwerp</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/queue_model.py" line="50"/>
        <source>reply</source>
        <translation>reactie</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/queue_model.py" line="51"/>
        <source>my story</source>
        <translation>mijn verhaal</translation>
    </message>
</context>
<context>
    <name>ScreeningQueueModel</name>
    <message>
        <location filename="../../console/ui/screening/queue_model.py" line="180"/>
        <source>Waiting</source>
        <translation>Wacht</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/queue_model.py" line="181"/>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/queue_model.py" line="182"/>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/queue_model.py" line="183"/>
        <source>Flags</source>
        <translation>Signalen</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/queue_model.py" line="184"/>
        <source>Being screened by</source>
        <translation>In behandeling door</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/queue_model.py" line="192"/>
        <source>you</source>
        <translation>u</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/queue_model.py" line="199"/>
        <source>⚠ danger</source>
        <translation>⚠ gevaar</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/queue_model.py" line="201"/>
        <source>personal data</source>
        <translation>persoonsgegevens</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/queue_model.py" line="236"/>
        <source>Being screened by {0}</source>
        <translation>In behandeling door {0}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="46"/>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="55"/>
        <source>Use the system&apos;s proxy settings</source>
        <translation>Proxy-instellingen van het systeem gebruiken</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="56"/>
        <source>No proxy</source>
        <translation>Geen proxy</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="57"/>
        <source>This proxy:</source>
        <translation>Deze proxy:</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="66"/>
        <source>unchanged</source>
        <translation>ongewijzigd</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="68"/>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="75"/>
        <source>Play a sound when a chat is waiting</source>
        <translation>Geluid afspelen als er een chat wacht</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="78"/>
        <source>Connection</source>
        <translation>Verbinding</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="80"/>
        <source>Server address</source>
        <translation>Serveradres</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="81"/>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="82"/>
        <source>Proxy address</source>
        <translation>Proxy-adres</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="83"/>
        <source>Proxy username</source>
        <translation>Proxy-gebruikersnaam</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="84"/>
        <source>Proxy password</source>
        <translation>Proxy-wachtwoord</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="88"/>
        <source>Extra root certificate</source>
        <translation>Extra rootcertificaat</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="89"/>
        <source>Connection changes take effect the next time you log in.</source>
        <translation>Wijzigingen in de verbinding gelden vanaf de volgende keer dat u inlogt.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="91"/>
        <source>General</source>
        <translation>Algemeen</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="93"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="94"/>
        <source>A new language takes effect after a restart.</source>
        <translation>Een andere taal wordt gebruikt zodra u de console opnieuw start.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="98"/>
        <source>Greyed-out settings are set by your organisation&apos;s IT department.</source>
        <translation>Grijze instellingen zijn vastgelegd door de IT-afdeling van uw organisatie.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="110"/>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="111"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="131"/>
        <source>Set by your organisation.</source>
        <translation>Ingesteld door uw organisatie.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="142"/>
        <source>Root certificate (PEM)</source>
        <translation>Rootcertificaat (PEM)</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="143"/>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>Certificaten (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="150"/>
        <source>The server address must start with https://</source>
        <translation>Het serveradres moet beginnen met https://</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="154"/>
        <source>Enter the proxy address, or choose another proxy option.</source>
        <translation>Vul het proxy-adres in, of kies een andere proxy-optie.</translation>
    </message>
</context>
<context>
    <name>ShiftsModel</name>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="66"/>
        <source>Date</source>
        <extracomment>Shift times are service times: shown in Amsterdam time whatever the workstation&apos;s zone.</extracomment>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="67"/>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="68"/>
        <source>Institution</source>
        <translation>Instelling</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="69"/>
        <source>Colleagues</source>
        <translation>Collega&apos;s</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="70"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="84"/>
        <source>all day</source>
        <translation>hele dag</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="95"/>
        <source>(nobody yet)</source>
        <translation>(nog niemand)</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="96"/>
        <source>published</source>
        <translation>gepubliceerd</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="96"/>
        <source>draft</source>
        <translation>concept</translation>
    </message>
</context>
<context>
    <name>SnippetMenu</name>
    <message>
        <location filename="../../console/ui/chat/snippets.py" line="24"/>
        <source>Ready texts</source>
        <extracomment>How much of a text the status tip previews. The chosen snippet&apos;s text, to put in the composer.</extracomment>
        <translation>Standaardteksten</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/snippets.py" line="39"/>
        <source>No ready texts available</source>
        <translation>Geen standaardteksten beschikbaar</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <location filename="../../console/ui/screening/stats.py" line="108"/>
        <source>Show</source>
        <extracomment>The service&apos;s reference: about 1% of replies is rejected. (from, to) inclusive dates</extracomment>
        <translation>Tonen</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/stats.py" line="116"/>
        <source>Published</source>
        <translation>Gepubliceerd</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/stats.py" line="117"/>
        <source>Edited</source>
        <translation>Bewerkt</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/stats.py" line="118"/>
        <source>Rejected</source>
        <translation>Geweigerd</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/stats.py" line="119"/>
        <source>Held</source>
        <translation>Aangehouden</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/stats.py" line="120"/>
        <source>Escalated</source>
        <translation>Geëscaleerd</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/stats.py" line="122"/>
        <location filename="../../console/ui/screening/stats.py" line="127"/>
        <source>Screener</source>
        <translation>Screener</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/stats.py" line="122"/>
        <location filename="../../console/ui/screening/stats.py" line="129"/>
        <source>Reject rate</source>
        <translation>Weigerpercentage</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/stats.py" line="125"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/stats.py" line="126"/>
        <source>Round</source>
        <translation>Ronde</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/stats.py" line="133"/>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/stats.py" line="135"/>
        <source>to</source>
        <translation>t/m</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/stats.py" line="142"/>
        <source>Per screener</source>
        <translation>Per screener</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/stats.py" line="144"/>
        <source>Per round</source>
        <translation>Per ronde</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/stats.py" line="158"/>
        <source>Overall: {0} decisions, reject rate {1}; of replies {2} (the service&apos;s reference: about {3} of replies).</source>
        <translation>Totaal: {0} besluiten, weigerpercentage {1}; van reacties {2} (referentie van de dienst: ongeveer {3} van de reacties).</translation>
    </message>
</context>
<context>
    <name>TeamMessagesModel</name>
    <message>
        <location filename="../../console/ui/models/team_messages.py" line="49"/>
        <source>Not sent ({0})</source>
        <translation>Niet verstuurd ({0})</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/team_messages.py" line="51"/>
        <source>Sending…</source>
        <translation>Wordt verstuurd…</translation>
    </message>
</context>
<context>
    <name>TeamModel</name>
    <message>
        <location filename="../../console/ui/chat/queue_models.py" line="105"/>
        <source>trainee</source>
        <translation>hulpverlener in opleiding</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/queue_models.py" line="106"/>
        <source>helper</source>
        <translation>hulpverlener</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/queue_models.py" line="107"/>
        <source>supervisor</source>
        <translation>begeleider</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/queue_models.py" line="147"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/queue_models.py" line="147"/>
        <source>Institution</source>
        <translation>Instelling</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/queue_models.py" line="147"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/queue_models.py" line="147"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/queue_models.py" line="153"/>
        <source>Available</source>
        <translation>Beschikbaar</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/queue_models.py" line="155"/>
        <source>Break</source>
        <translation>Pauze</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/queue_models.py" line="157"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/ui/chat/queue_models.py" line="159"/>
        <source>In %n chat(s)</source>
        <translation>
            <numerusform>In gesprek</numerusform>
            <numerusform>In %n gesprekken</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TranscriptModel</name>
    <message>
        <location filename="../../console/ui/chat/transcript.py" line="115"/>
        <source>Youth</source>
        <extracomment>The message&apos;s sender kind: &quot;youth&quot;, &quot;helper&quot;, &quot;system&quot;, &quot;whisper&quot; or &quot;consult&quot;. True while a message the helper sent has no sequence number from the server yet. The message text alone (plain).</extracomment>
        <translation>Jongere</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/transcript.py" line="117"/>
        <source>You</source>
        <translation>Jij</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/transcript.py" line="119"/>
        <source>Whisper from {0}</source>
        <translation>Fluistering van {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/transcript.py" line="119"/>
        <source>Whisper</source>
        <translation>Fluistering</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/transcript.py" line="121"/>
        <source>Consult {0}</source>
        <translation>Overleg {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/transcript.py" line="121"/>
        <source>Consult</source>
        <translation>Overleg</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/transcript.py" line="122"/>
        <source>System</source>
        <translation>Systeem</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/transcript.py" line="132"/>
        <source>(sending)</source>
        <translation>(wordt verstuurd)</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <location filename="../../console/ui/chat/transcript.py" line="172"/>
        <source>Copy</source>
        <translation>Kopiëren</translation>
    </message>
</context>
<context>
    <name>WeekGrid</name>
    <message>
        <location filename="../../console/ui/roster/week_grid.py" line="279"/>
        <source>← Previous week</source>
        <extracomment>(monday) another week was chosen. (day, block index) a block was opened (Enter, double click). Coordinator: (day, index, institution id or None). Coordinator: (day, index, pinned). Coordinator: (day, institution id or None).</extracomment>
        <translation>← Vorige week</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/week_grid.py" line="281"/>
        <source>This week</source>
        <translation>Deze week</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/week_grid.py" line="283"/>
        <source>Next week →</source>
        <translation>Volgende week →</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/week_grid.py" line="368"/>
        <source>Open block…</source>
        <translation>Blok openen…</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/week_grid.py" line="370"/>
        <source>Institution</source>
        <translation>Instelling</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/week_grid.py" line="379"/>
        <source>No institution</source>
        <translation>Geen instelling</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/week_grid.py" line="381"/>
        <source>Pin (proposals keep this block)</source>
        <translation>Vastzetten (voorstellen laten dit blok staan)</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/week_grid.py" line="388"/>
        <source>Forum duty for this institution</source>
        <translation>Forumdienst voor deze instelling</translation>
    </message>
</context>
</TS>
