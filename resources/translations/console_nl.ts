<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>ActionRow</name>
    <message>
        <location filename="../../console/ui/supervision/note_editor.py" line="54"/>
        <source>What is to be done</source>
        <translation>Wat er moet gebeuren</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/note_editor.py" line="60"/>
        <source>due</source>
        <translation>uiterlijk</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../console/ui/admin/page.py" line="26"/>
        <source>Chat texts</source>
        <translation>Chatteksten</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/page.py" line="29"/>
        <source>Open days</source>
        <translation>Opendagen</translation>
    </message>
</context>
<context>
    <name>AskDialog</name>
    <message>
        <location filename="../../console/ui/roster/replacement.py" line="147"/>
        <location filename="../../console/ui/roster/replacement.py" line="166"/>
        <source>Ask for a replacement</source>
        <extracomment>(reason)</extracomment>
        <translation>Vervanging vragen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/replacement.py" line="150"/>
        <source>Colleagues of your institution who may take your seat on {0} will see your request. You stay responsible for this shift until someone takes it.</source>
        <translation>Collega&apos;s van uw instelling die uw plaats op {0} mogen innemen, zien uw verzoek. U blijft verantwoordelijk voor deze dienst tot iemand hem overneemt.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/replacement.py" line="158"/>
        <source>Reason (optional)</source>
        <translation>Reden (optioneel)</translation>
    </message>
</context>
<context>
    <name>AttendanceView</name>
    <message>
        <location filename="../../console/ui/roster/attendance.py" line="114"/>
        <source>Show</source>
        <extracomment>(start, end) the period to report on.</extracomment>
        <translation>Tonen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/attendance.py" line="134"/>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/attendance.py" line="136"/>
        <source>to</source>
        <translation>tot en met</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/attendance.py" line="152"/>
        <source>The period ends before it starts.</source>
        <translation>De periode eindigt voordat hij begint.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/attendance.py" line="157"/>
        <source>{0}: {1} present, {2} late, {3} did not show up</source>
        <translation>{0}: {1} aanwezig, {2} te laat, {3} niet verschenen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/ui/roster/attendance.py" line="166"/>
        <source>Late means more than %n minute(s) after the start.</source>
        <translation>
            <numerusform>Te laat betekent meer dan %n minuut na het begin.</numerusform>
            <numerusform>Te laat betekent meer dan %n minuten na het begin.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/attendance.py" line="175"/>
        <source>No attendance was recorded in this period.</source>
        <translation>In deze periode is geen aanwezigheid vastgelegd.</translation>
    </message>
</context>
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
        <location filename="../../console/chat_controller.py" line="102"/>
        <source>New chat</source>
        <extracomment>A referral was recorded from a chat in this console (its chat id).</extracomment>
        <translation>Nieuw gesprek</translation>
    </message>
    <message>
        <location filename="../../console/chat_controller.py" line="103"/>
        <source>A young person is waiting for you (chat #{0}).</source>
        <translation>Een jongere wacht op u (gesprek #{0}).</translation>
    </message>
    <message>
        <location filename="../../console/chat_controller.py" line="116"/>
        <source>{0} raises a hand in chat #{1}: {2}</source>
        <translation>{0} steekt een hand op in gesprek #{1}: {2}</translation>
    </message>
    <message>
        <location filename="../../console/chat_controller.py" line="121"/>
        <source>Raised hand</source>
        <translation>Hand opgestoken</translation>
    </message>
    <message>
        <location filename="../../console/chat_controller.py" line="130"/>
        <source>The message is empty or too long.</source>
        <translation>Het bericht is leeg of te lang.</translation>
    </message>
</context>
<context>
    <name>ChatPanel</name>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="93"/>
        <source>Write to the young person (Enter sends, Shift+Enter for a new line)</source>
        <extracomment>The first keystroke of a new line (the composer was empty). The transcript&apos;s rows of confirmed messages by seq, made once.</extracomment>
        <translation>Schrijf aan de jongere (Enter verstuurt, Shift+Enter voor een nieuwe regel)</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="98"/>
        <source>Send</source>
        <translation>Versturen</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="102"/>
        <source>Short texts</source>
        <translation>Standaardteksten</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="104"/>
        <source>Crisis</source>
        <translation>Crisis</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="108"/>
        <source>Raise hand</source>
        <translation>Hand opsteken</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="109"/>
        <source>Ask your supervisor to look along</source>
        <translation>Vraag uw begeleider om mee te kijken</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="111"/>
        <source>Please look along.</source>
        <translation>Wil je even meekijken?</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="114"/>
        <location filename="../../console/ui/chat/chat_panel.py" line="292"/>
        <location filename="../../console/ui/chat/chat_panel.py" line="299"/>
        <source>End chat</source>
        <translation>Gesprek beëindigen</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="116"/>
        <source>End as not serious</source>
        <translation>Beëindigen als niet serieus</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="122"/>
        <source>Whisper to the trainee (the young person never sees this)</source>
        <translation>Fluister naar de HIO (de jongere ziet dit nooit)</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="128"/>
        <source>Consult colleagues on shift about this chat (staff only)</source>
        <translation>Overleg met collega’s in de dienst over dit gesprek (alleen medewerkers)</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="173"/>
        <source>Anonymous</source>
        <translation>Anoniem</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="174"/>
        <source>, {0} years</source>
        <translation>, {0} jaar</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="175"/>
        <source>no theme chosen</source>
        <translation>geen thema gekozen</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="177"/>
        <source>Chat #{0} · {1}{2} · {3}</source>
        <translation>Gesprek #{0} · {1}{2} · {3}</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="215"/>
        <source>The chat has ended.</source>
        <translation>Het gesprek is beëindigd.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="217"/>
        <source>Your connection dropped; the young person is told you are coming back.</source>
        <translation>Uw verbinding is weggevallen; de jongere krijgt te zien dat u terugkomt.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="219"/>
        <source>The young person&apos;s connection dropped; the chat waits for them.</source>
        <translation>De verbinding van de jongere is weggevallen; het gesprek wacht op de jongere.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="221"/>
        <source>Arrived in the last quarter hour: only a short talk is possible.</source>
        <translation>Binnengekomen in het laatste kwartier: alleen een kort gesprek is mogelijk.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="222"/>
        <source>The young person is connected.</source>
        <translation>De jongere is verbonden.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="226"/>
        <source>You are watching a trainee&apos;s chat (read-only).</source>
        <translation>U kijkt mee met het gesprek van een HIO (alleen lezen).</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="229"/>
        <source>Assigned to you: the trainee who waited longest.</source>
        <translation>Aan u toegewezen: u was de HIO die het langst wachtte.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="231"/>
        <source>Assigned to you: no trainee could take it.</source>
        <translation>Aan u toegewezen: er was geen HIO vrij.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="241"/>
        <source> (not sent: {0})</source>
        <translation> (niet verstuurd: {0})</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="294"/>
        <source>End this chat as not serious?</source>
        <translation>Dit gesprek beëindigen als niet serieus?</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="296"/>
        <source>End this chat? The young person sees that it has ended.</source>
        <translation>Dit gesprek beëindigen? De jongere ziet dat het gesprek is afgelopen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/chat_panel.py" line="300"/>
        <source>Keep talking</source>
        <translation>Doorpraten</translation>
    </message>
</context>
<context>
    <name>ChatWorkspace</name>
    <message>
        <location filename="../../console/ui/chat/workspace.py" line="81"/>
        <source>Sound on a new chat</source>
        <translation>Geluid bij een nieuw gesprek</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/workspace.py" line="107"/>
        <source>No chat yet. Set yourself to Available: the next young person in the queue comes to you when it is your turn.</source>
        <translation>Nog geen gesprek. Zet uzelf op Beschikbaar: de volgende jongere in de wachtrij komt bij u als u aan de beurt bent.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/workspace.py" line="115"/>
        <source>My status:</source>
        <translation>Mijn status:</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/workspace.py" line="123"/>
        <source>Queue</source>
        <translation>Wachtrij</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/workspace.py" line="127"/>
        <source>Chat team today</source>
        <translation>Chatteam vandaag</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/workspace.py" line="152"/>
        <source>Chats</source>
        <extracomment>&quot;Chats&quot; and, once added (`add_referrals`), &quot;Referrals&quot;; the bar shows from two on.</extracomment>
        <translation>Gesprekken</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/workspace.py" line="168"/>
        <source>Available</source>
        <translation>Beschikbaar</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/workspace.py" line="169"/>
        <source>Pause</source>
        <translation>Pauze</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/workspace.py" line="170"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/workspace.py" line="193"/>
        <source>Register your last chat first; then you can be available again.</source>
        <translation>Registreer eerst uw laatste gesprek; daarna kunt u weer beschikbaar zijn.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/ui/chat/workspace.py" line="201"/>
        <source>Queue (%n waiting)</source>
        <translation>
            <numerusform>Wachtrij (%n wachtend)</numerusform>
            <numerusform>Wachtrij (%n wachtend)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/workspace.py" line="247"/>
        <source>#{0}</source>
        <translation>#{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/workspace.py" line="249"/>
        <source>#{0} (watching)</source>
        <translation>#{0} (meekijken)</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/workspace.py" line="251"/>
        <source>#{0} (register)</source>
        <translation>#{0} (registreren)</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/workspace.py" line="273"/>
        <source>Referrals</source>
        <translation>Verwijzingen</translation>
    </message>
</context>
<context>
    <name>CommitmentsView</name>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="103"/>
        <source>← Previous month</source>
        <extracomment>Weekend days cannot be chosen here but are kept as stored. (first day, last day) of the month to load. (Commitments as read, list[Commitment]) to save the month against what was read.</extracomment>
        <translation>← Vorige maand</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="105"/>
        <source>Next month →</source>
        <translation>Volgende maand →</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="118"/>
        <source>Institution</source>
        <translation>Instelling</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="119"/>
        <source>Commitment</source>
        <translation>Toezegging</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="120"/>
        <source>Minimum</source>
        <translation>Minimaal</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="121"/>
        <source>Maximum</source>
        <translation>Maximaal</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="122"/>
        <source>Preferred weekdays</source>
        <translation>Voorkeursdagen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="123"/>
        <source>Unavailable</source>
        <translation>Niet beschikbaar</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="143"/>
        <source>Add date</source>
        <translation>Datum toevoegen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="145"/>
        <source>Remove date</source>
        <translation>Datum verwijderen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="162"/>
        <source>Keep mine</source>
        <translation>Mijn versie houden</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="164"/>
        <source>Take theirs</source>
        <translation>Hun versie nemen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="186"/>
        <source>Save commitments</source>
        <translation>Toezeggingen opslaan</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="217"/>
        <source>Commitments, {0}</source>
        <translation>Toezeggingen, {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="283"/>
        <source>Unavailable dates of {0}</source>
        <translation>Niet-beschikbare data van {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="331"/>
        <source>The maximum is below the minimum.</source>
        <translation>Het maximum ligt onder het minimum.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="334"/>
        <source>{0}: the maximum is below the minimum.</source>
        <translation>{0}: het maximum ligt onder het minimum.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="337"/>
        <source>{0}: a date is outside the month.</source>
        <translation>{0}: een datum valt buiten de maand.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/ui/roster/commitments.py" line="341"/>
        <source>%n date(s)</source>
        <translation>
            <numerusform>%n datum</numerusform>
            <numerusform>%n data</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="359"/>
        <source>The period</source>
        <translation>De periode</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="372"/>
        <source>The server refused the commitments; nothing was saved.</source>
        <translation>De server heeft de toezeggingen geweigerd; er is niets opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="384"/>
        <source>the minimum is not a valid number of blocks.</source>
        <translation>het minimum is geen geldig aantal blokken.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="385"/>
        <source>the maximum is below the minimum or too large.</source>
        <translation>het maximum ligt onder het minimum of is te groot.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="386"/>
        <source>an unavailable date is outside the period.</source>
        <translation>een niet-beschikbare datum valt buiten de periode.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="387"/>
        <source>the preferred weekdays are not valid.</source>
        <translation>de voorkeursdagen zijn niet geldig.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="388"/>
        <source>this institution is unknown or listed twice.</source>
        <translation>deze instelling is onbekend of staat er twee keer in.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="389"/>
        <source>the period is not valid.</source>
        <translation>de periode is niet geldig.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="391"/>
        <source>this value is not accepted.</source>
        <translation>deze waarde wordt niet geaccepteerd.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="399"/>
        <source>Saving…</source>
        <translation>Bezig met opslaan…</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="407"/>
        <source>The commitments are saved.</source>
        <translation>De toezeggingen zijn opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="421"/>
        <source>Another coordinator saved the commitments of this month first.</source>
        <translation>Een andere coördinator heeft de toezeggingen van deze maand eerder opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="429"/>
        <source>{0} – yours: {1}; now saved: {2}</source>
        <translation>{0} – uw versie: {1}; nu opgeslagen: {2}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="440"/>
        <source>no commitment</source>
        <translation>geen toezegging</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="441"/>
        <source>{0}–{1} blocks</source>
        <translation>{0}–{1} blokken</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="444"/>
        <source>prefers {0}</source>
        <translation>voorkeursdagen {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/ui/roster/commitments.py" line="446"/>
        <source>%n date(s) unavailable</source>
        <translation>
            <numerusform>%n datum niet beschikbaar</numerusform>
            <numerusform>%n data niet beschikbaar</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/commitments.py" line="466"/>
        <source>Showing the commitments as they are saved now.</source>
        <translation>U ziet de toezeggingen zoals ze nu zijn opgeslagen.</translation>
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
        <location filename="../../console/app.py" line="149"/>
        <source>Something went wrong</source>
        <extracomment>How long a logout lets the pages&apos; requests in flight finish before it cancels them.</extracomment>
        <translation>Er ging iets mis</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="357"/>
        <source>Log in again</source>
        <translation>Opnieuw inloggen</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="532"/>
        <source>Hulpmix cannot start</source>
        <translation>Hulpmix kan niet starten</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="533"/>
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
    <name>CriteriaModel</name>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="97"/>
        <source>Criterion</source>
        <translation>Criterium</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="97"/>
        <source>Progress</source>
        <translation>Voortgang</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="97"/>
        <source>Status</source>
        <translation>Status</translation>
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
        <source>The server was busy with the same data. Your work is kept; try again.</source>
        <translation>De server was bezig met dezelfde gegevens. Uw werk blijft bewaard; probeer het opnieuw.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="100"/>
        <source>The server had a problem (incident {0}). Your work is kept; try again shortly.</source>
        <translation>De server had een probleem (melding {0}). Uw werk blijft bewaard; probeer het zo opnieuw.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="104"/>
        <source>The server gave an answer the console does not understand (HTTP {0}). A proxy may be in the way. Your work is kept.</source>
        <translation>De server gaf een antwoord dat de console niet begrijpt (HTTP {0}). Mogelijk zit er een proxy tussen. Uw werk blijft bewaard.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="110"/>
        <source>That is too long to send.</source>
        <translation>Dat is te lang om te versturen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="114"/>
        <source>Register your last chat before you take the next one.</source>
        <translation>Registreer uw laatste gesprek voordat u het volgende aanneemt.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="118"/>
        <source>This chat is no longer yours: it was handed over to a colleague.</source>
        <translation>Dit gesprek is niet meer van u: het is overgedragen aan een collega.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="122"/>
        <source>This chat has already ended.</source>
        <translation>Dit gesprek is al beëindigd.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="123"/>
        <source>Someone else changed this in the meantime.</source>
        <translation>Iemand anders heeft dit intussen gewijzigd.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="125"/>
        <source>You are not allowed to do this.</source>
        <translation>U mag dit niet doen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="127"/>
        <source>The server did not accept this: {0}</source>
        <translation>De server accepteerde dit niet: {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/errors.py" line="132"/>
        <source>Something unexpected went wrong: {0}</source>
        <translation>Er ging onverwacht iets mis: {0}</translation>
    </message>
</context>
<context>
    <name>FairnessModel</name>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="82"/>
        <source>Institution</source>
        <translation>Instelling</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="83"/>
        <source>Commitment</source>
        <translation>Toezegging</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="84"/>
        <source>Blocks</source>
        <translation>Blokken</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="85"/>
        <source>Fridays</source>
        <translation>Vrijdagen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="86"/>
        <source>Holidays</source>
        <translation>Feestdagen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="87"/>
        <source>Forum duty</source>
        <translation>Forumdienst</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="94"/>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="95"/>
        <source>at least {0}</source>
        <translation>minstens {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="104"/>
        <source>{0} (share {1})</source>
        <translation>{0} (aandeel {1})</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="131"/>
        <source>Fewer blocks than the minimum of the commitment.</source>
        <translation>Minder blokken dan het minimum van de toezegging.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="133"/>
        <source>More blocks than the maximum of the commitment.</source>
        <translation>Meer blokken dan het maximum van de toezegging.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="137"/>
        <source>{0} blocks from its share</source>
        <translation>{0} blokken van het aandeel af</translation>
    </message>
</context>
<context>
    <name>FairnessView</name>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="218"/>
        <source>← Previous month</source>
        <extracomment>(first day, last day) of the month to report on.</extracomment>
        <translation>← Vorige maand</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="220"/>
        <source>This month</source>
        <translation>Deze maand</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="221"/>
        <source>Next month →</source>
        <translation>Volgende maand →</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="244"/>
        <source>Orange: furthest above its share; blue: furthest below. The share is the period&apos;s blocks in proportion to the commitments.</source>
        <translation>Oranje: het verst boven het aandeel; blauw: het verst eronder. Het aandeel is het aantal blokken van de periode naar verhouding van de toezeggingen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="288"/>
        <source>Fairness, {0}</source>
        <translation>Eerlijke verdeling, {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="297"/>
        <source>blocks</source>
        <translation>blokken</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="298"/>
        <source>Fridays</source>
        <translation>vrijdagen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="299"/>
        <source>holidays</source>
        <translation>feestdagen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="300"/>
        <source>forum duty</source>
        <translation>forumdienst</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="307"/>
        <source>{0}: {1} (least possible {2})</source>
        <translation>{0}: {1} (kleinst mogelijk {2})</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="311"/>
        <source>Spread in blocks: {0}</source>
        <translation>Spreiding in blokken: {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="314"/>
        <source>Holiday ledger, {0} to {1}</source>
        <translation>Feestdagenoverzicht, {0} tot en met {1}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="324"/>
        <source>Holidays staffed: {0}</source>
        <translation>Bezette feestdagen: {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="326"/>
        <source>No holidays were open in these 12 months.</source>
        <translation>In deze 12 maanden was er geen feestdag open.</translation>
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
    <name>ImportErrorsDialog</name>
    <message>
        <location filename="../../console/ui/roster/import_dialog.py" line="28"/>
        <source>The file was not imported</source>
        <translation>Het bestand is niet geïmporteerd</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/import_dialog.py" line="32"/>
        <source>Nothing was changed. Correct these rows in the file and import it again:</source>
        <translation>Er is niets gewijzigd. Verbeter deze rijen in het bestand en importeer het opnieuw:</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/import_dialog.py" line="34"/>
        <source>Nothing was changed.</source>
        <translation>Er is niets gewijzigd.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/import_dialog.py" line="39"/>
        <source>Row</source>
        <translation>Rij</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/import_dialog.py" line="39"/>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/import_dialog.py" line="39"/>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/import_dialog.py" line="42"/>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/import_dialog.py" line="43"/>
        <source>Block</source>
        <translation>Blok</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/import_dialog.py" line="44"/>
        <source>Institution</source>
        <translation>Instelling</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/import_dialog.py" line="45"/>
        <source>Seat 1</source>
        <translation>Plek 1</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/import_dialog.py" line="46"/>
        <source>Seat 2</source>
        <translation>Plek 2</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/import_dialog.py" line="47"/>
        <source>Forum duty</source>
        <translation>Forumdienst</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/import_dialog.py" line="48"/>
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/import_dialog.py" line="49"/>
        <source>Forum version</source>
        <translation>Forumversie</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/import_dialog.py" line="50"/>
        <source>Sheet</source>
        <translation>Werkblad</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/import_dialog.py" line="51"/>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/ui/roster/import_dialog.py" line="77"/>
        <source>… and %n more.</source>
        <translation>
            <numerusform>… en nog %n.</numerusform>
            <numerusform>… en nog %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntervisionView</name>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="167"/>
        <source>Refresh</source>
        <extracomment>(note id) the author wants to see who read the note. (txn id) drop a refused note.</extracomment>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="180"/>
        <source>Follow-ups from last time</source>
        <translation>Afspraken van de vorige keer</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="195"/>
        <source>Write a case note…</source>
        <translation>Casusverslag schrijven…</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="197"/>
        <source>Who read it?</source>
        <translation>Wie heeft het gelezen?</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="199"/>
        <source>Discard</source>
        <translation>Weggooien</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="211"/>
        <source>Meetings</source>
        <translation>Bijeenkomsten</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="270"/>
        <source>Choose a meeting to see its case notes.</source>
        <translation>Kies een bijeenkomst om de casusverslagen te zien.</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="284"/>
        <source>Participants: {0}</source>
        <translation>Deelnemers: {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="295"/>
        <source>No earlier meeting of this group.</source>
        <translation>Geen eerdere bijeenkomst van deze groep.</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="296"/>
        <source>Meeting of {0}</source>
        <translation>Bijeenkomst van {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="298"/>
        <source>Nothing was agreed for this time.</source>
        <translation>Voor deze keer is niets afgesproken.</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="302"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="305"/>
        <location filename="../../console/ui/supervision/intervision.py" line="350"/>
        <source> (due {0})</source>
        <translation> (uiterlijk {0})</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="306"/>
        <location filename="../../console/ui/supervision/intervision.py" line="351"/>
        <source>Action: {0} — {1}{2}</source>
        <translation>Actie: {0} — {1}{2}</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="354"/>
        <source>Quote from chat {0}: “{1}”</source>
        <translation>Citaat uit chat {0}: “{1}”</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="362"/>
        <source>Nobody has read this note yet.</source>
        <translation>Niemand heeft dit verslag nog gelezen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="365"/>
        <source>Read by: {0}</source>
        <translation>Gelezen door: {0}</translation>
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
    <name>LedgerModel</name>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="161"/>
        <source>(open)</source>
        <translation>(open)</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="177"/>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="177"/>
        <source>Holiday</source>
        <translation>Feestdag</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="177"/>
        <source>Institutions</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="177"/>
        <source>Forum</source>
        <translation>Forum</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/fairness.py" line="192"/>
        <source>{0} (hard to staff)</source>
        <translation>{0} (moeilijk te bezetten)</translation>
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
        <location filename="../../console/ui/main_window.py" line="37"/>
        <source>Hulpmix console — {0}</source>
        <translation>Hulpmix-console — {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="66"/>
        <source>{0} · {1} · {2}</source>
        <translation>{0} · {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="80"/>
        <source>Overview</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="81"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="82"/>
        <source>Forum screening</source>
        <translation>Forum screenen</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="83"/>
        <source>Roster</source>
        <translation>Rooster</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="84"/>
        <source>Supervision</source>
        <translation>Begeleiding</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="85"/>
        <source>Reports</source>
        <translation>Rapportages</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="86"/>
        <source>Administration</source>
        <translation>Beheer</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="93"/>
        <source>take chats from the queue, talk with young people, and register each chat.</source>
        <translation>chats uit de wachtrij aannemen, met jongeren praten en elke chat registreren.</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="96"/>
        <source>screen forum posts in the two daily rounds before publication.</source>
        <translation>forumberichten screenen in de twee dagelijkse rondes, vóór publicatie.</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="98"/>
        <source>see and fill the shift roster, and find a replacement.</source>
        <translation>het dienstrooster bekijken en vullen, en vervanging zoeken.</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="100"/>
        <source>follow trainees&apos; readiness, sign off, and keep intervision case notes.</source>
        <translation>de voortgang van hulpverleners in opleiding volgen, hen vrijgeven en casusverslagen van intervisie bijhouden.</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="102"/>
        <source>see statistics on chats, screening and the roster.</source>
        <translation>cijfers bekijken over chats, screening en het rooster.</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="103"/>
        <source>edit the chat&apos;s texts and open or close chat days.</source>
        <translation>de teksten van de chat bewerken en chatdagen openen of sluiten.</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="108"/>
        <source>trainee</source>
        <translation>hulpverlener in opleiding</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="109"/>
        <source>helper</source>
        <translation>hulpverlener</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="110"/>
        <source>supervisor</source>
        <translation>begeleider</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="111"/>
        <source>roster coordinator</source>
        <translation>roostercoördinator</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="112"/>
        <source>project lead</source>
        <translation>projectleider</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="113"/>
        <source>helpdesk</source>
        <translation>helpdesk</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="114"/>
        <source>administrator</source>
        <translation>beheerder</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="123"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="124"/>
        <source>Log &amp;out</source>
        <translation>&amp;Afmelden</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="126"/>
        <source>&amp;Quit</source>
        <translation>A&amp;fsluiten</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="132"/>
        <source>&amp;Tools</source>
        <translation>&amp;Extra</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="133"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Instellingen…</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="135"/>
        <source>&amp;Test connection…</source>
        <translation>&amp;Verbinding testen…</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="140"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="141"/>
        <source>&amp;About</source>
        <translation>&amp;Over</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="147"/>
        <source>About</source>
        <translation>Over</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="150"/>
        <source>Hulpmix staff console.
For the staff of the institutions that run the anonymous helpline for young people.</source>
        <translation>Hulpmix-console voor medewerkers.
Voor de medewerkers van de instellingen achter de anonieme hulplijn voor jongeren.</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="193"/>
        <source>Unsaved changes</source>
        <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="195"/>
        <source>There are unsaved changes in {0}. Leave without saving them?</source>
        <translation>Er zijn niet-opgeslagen wijzigingen in {0}. Weggaan zonder ze op te slaan?</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="202"/>
        <source>Leave without saving</source>
        <translation>Weggaan zonder opslaan</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="203"/>
        <source>Keep editing</source>
        <translation>Verder bewerken</translation>
    </message>
</context>
<context>
    <name>MarksModel</name>
    <message>
        <location filename="../../console/ui/roster/attendance.py" line="68"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/attendance.py" line="68"/>
        <source>Institution</source>
        <translation>Instelling</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/attendance.py" line="68"/>
        <source>Person</source>
        <translation>Persoon</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/attendance.py" line="68"/>
        <source>Attendance</source>
        <translation>Aanwezigheid</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/attendance.py" line="74"/>
        <source>present</source>
        <translation>aanwezig</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/ui/roster/attendance.py" line="76"/>
        <source>late (%n minute(s))</source>
        <translation>
            <numerusform>te laat (%n minuut)</numerusform>
            <numerusform>te laat (%n minuten)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/attendance.py" line="78"/>
        <source>did not show up</source>
        <translation>niet verschenen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/attendance.py" line="91"/>
        <source>{0} {1}, block {2}</source>
        <translation>{0} {1}, blok {2}</translation>
    </message>
</context>
<context>
    <name>MeetingsModel</name>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="66"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="66"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="66"/>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="66"/>
        <source>Participants</source>
        <translation>Deelnemers</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="72"/>
        <source>across institutions</source>
        <translation>instellingsoverstijgend</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="76"/>
        <source>institution {0}</source>
        <translation>instelling {0}</translation>
    </message>
</context>
<context>
    <name>MonthModel</name>
    <message>
        <location filename="../../console/ui/roster/month.py" line="89"/>
        <source>— no institution</source>
        <extracomment>(day, roster day or None when closed, block or None).</extracomment>
        <translation>— geen instelling</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/month.py" line="92"/>
        <source>[F]</source>
        <translation>[F]</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/ui/roster/month.py" line="95"/>
        <source>%n open seat(s)</source>
        <translation>
            <numerusform>%n vrije plek</numerusform>
            <numerusform>%n vrije plekken</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/month.py" line="100"/>
        <source>open seat</source>
        <translation>vrije plek</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/month.py" line="105"/>
        <source>seat taken</source>
        <translation>bezet</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/month.py" line="123"/>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/month.py" line="125"/>
        <location filename="../../console/ui/roster/month.py" line="154"/>
        <source>Block {0}</source>
        <translation>Blok {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/month.py" line="126"/>
        <source>Block</source>
        <translation>Blok</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/month.py" line="126"/>
        <source>Seat 1</source>
        <translation>Plek 1</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/month.py" line="126"/>
        <source>Seat 2</source>
        <translation>Plek 2</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/month.py" line="126"/>
        <source>Forum</source>
        <translation>Forum</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/month.py" line="151"/>
        <source>closed: {0}</source>
        <translation>gesloten: {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/month.py" line="158"/>
        <source>forum duty</source>
        <translation>forumdienst</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <location filename="../../console/ui/roster/month.py" line="210"/>
        <source>← Previous month</source>
        <extracomment>(first day, last day) of the month to show.</extracomment>
        <translation>← Vorige maand</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/month.py" line="212"/>
        <source>This month</source>
        <translation>Deze maand</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/month.py" line="213"/>
        <source>Next month →</source>
        <translation>Volgende maand →</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/month.py" line="220"/>
        <location filename="../../console/ui/roster/month.py" line="263"/>
        <source>All institutions</source>
        <translation>Alle instellingen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/month.py" line="237"/>
        <source>[F] forum duty · red: seats still open</source>
        <translation>[F] forumdienst · rood: nog vrije plekken</translation>
    </message>
</context>
<context>
    <name>MyShiftsView</name>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="124"/>
        <source>You have no shifts in the coming two months.</source>
        <extracomment>The person wants the .ics file; the page asks where to save it. (Shift) the person asks to be replaced in the selected shift.</extracomment>
        <translation>U hebt de komende twee maanden geen diensten.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="128"/>
        <source>Calendar subscription</source>
        <translation>Agenda-abonnement</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="130"/>
        <source>Revoke link</source>
        <translation>Link intrekken</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="132"/>
        <source>Download .ics</source>
        <translation>Download .ics</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="134"/>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="140"/>
        <source>Ask for a replacement…</source>
        <translation>Vervanging vragen…</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="147"/>
        <source>Copy</source>
        <translation>Kopiëren</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="152"/>
        <source>This link is personal: anyone who has it sees your shifts. Do not share it. Making a new link or revoking it stops the old one.</source>
        <translation>Deze link is persoonlijk: wie hem heeft, ziet uw diensten. Deel hem niet. Een nieuwe link maken of de link intrekken zet de oude link uit.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="196"/>
        <source>Choose the shift you cannot come to first.</source>
        <translation>Kies eerst de dienst waar u niet kunt komen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="203"/>
        <source>Add this address to your calendar as a subscription.</source>
        <translation>Voeg dit adres als abonnement toe aan uw agenda.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="208"/>
        <source>The calendar link no longer works.</source>
        <translation>De agendalink werkt niet meer.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/mine.py" line="212"/>
        <source>Copied.</source>
        <translation>Gekopieerd.</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <location filename="../../console/ui/supervision/note_editor.py" line="116"/>
        <source>Case note — {0}, {1}</source>
        <extracomment>(parts, action items, masked quotes) once the author confirmed the masking.</extracomment>
        <translation>Casusverslag — {0}, {1}</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/note_editor.py" line="136"/>
        <source>Add an action item</source>
        <translation>Actiepunt toevoegen</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/note_editor.py" line="139"/>
        <source>Action items (owner and due date)</source>
        <translation>Actiepunten (wie en uiterlijk wanneer)</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/note_editor.py" line="146"/>
        <source>Quote a chat fragment</source>
        <translation>Chatfragment citeren</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/note_editor.py" line="149"/>
        <source>Quoted chat fragments (masked before saving)</source>
        <translation>Geciteerde chatfragmenten (worden vóór het opslaan gemaskeerd)</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/note_editor.py" line="157"/>
        <source>Parts marked * are what the {0} asks for. Write no names of youths.</source>
        <translation>De onderdelen met * vraagt de {0}. Schrijf geen namen van jongeren op.</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/note_editor.py" line="191"/>
        <source>Back to editing</source>
        <translation>Terug naar bewerken</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/note_editor.py" line="193"/>
        <location filename="../../console/ui/supervision/note_editor.py" line="288"/>
        <source>Check and save</source>
        <translation>Controleren en opslaan</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/note_editor.py" line="228"/>
        <source>Please fill in: {0}.</source>
        <translation>Vul in: {0}.</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/note_editor.py" line="233"/>
        <source>Too long: {0}.</source>
        <translation>Te lang: {0}.</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/note_editor.py" line="239"/>
        <source>A quoted fragment needs the chat&apos;s anonymous reference.</source>
        <translation>Bij een geciteerd fragment hoort de anonieme referentie van de chat.</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/note_editor.py" line="242"/>
        <source>An action item needs an owner.</source>
        <translation>Een actiepunt heeft iemand nodig die het oppakt.</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/note_editor.py" line="261"/>
        <source>Confirm and save</source>
        <translation>Bevestigen en opslaan</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/note_editor.py" line="266"/>
        <source>Quoted fragments are saved as shown below. Check that nothing in them can identify the youth; go back to edit if needed.</source>
        <translation>Geciteerde fragmenten worden opgeslagen zoals hieronder staat. Controleer of niets erin de jongere herkenbaar maakt; ga zo nodig terug om te bewerken.</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/note_editor.py" line="272"/>
        <source>Chat {0}:</source>
        <translation>Chat {0}:</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/note_editor.py" line="279"/>
        <source>Removed: {0}</source>
        <translation>Verwijderd: {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/note_editor.py" line="281"/>
        <source>Nothing was recognised to remove.</source>
        <translation>Er is niets herkend om te verwijderen.</translation>
    </message>
</context>
<context>
    <name>NotesModel</name>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="121"/>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="121"/>
        <source>Written</source>
        <translation>Geschreven</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="121"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="121"/>
        <source>Case</source>
        <translation>Casus</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="126"/>
        <source>Refused by the server</source>
        <translation>Geweigerd door de server</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="127"/>
        <source>Not sent yet</source>
        <translation>Nog niet verzonden</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="128"/>
        <source>saved</source>
        <translation>opgeslagen</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/intervision.py" line="141"/>
        <source>you</source>
        <translation>u</translation>
    </message>
</context>
<context>
    <name>ObservationDialog</name>
    <message>
        <location filename="../../console/ui/supervision/review_form.py" line="288"/>
        <source>Observation of {0}</source>
        <extracomment>(chat reference, level, strengths, points to work on)</extracomment>
        <translation>Observatie van {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/review_form.py" line="303"/>
        <source>Chat reference</source>
        <translation>Chatreferentie</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/review_form.py" line="304"/>
        <source>Entrustment level</source>
        <translation>Niveau van vertrouwen</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/review_form.py" line="305"/>
        <source>Strengths</source>
        <translation>Sterke punten</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/review_form.py" line="306"/>
        <source>Points to work on</source>
        <translation>Werkpunten</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/review_form.py" line="307"/>
        <source>Name the chat by its anonymous reference; never copy its content.</source>
        <translation>Noem de chat bij zijn anonieme referentie; neem nooit de inhoud over.</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/review_form.py" line="314"/>
        <source>Save observation</source>
        <translation>Observatie opslaan</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/review_form.py" line="334"/>
        <source>A text is too long.</source>
        <translation>Een tekst is te lang.</translation>
    </message>
</context>
<context>
    <name>ObservationsModel</name>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="187"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="188"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="189"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="190"/>
        <source>Strengths</source>
        <translation>Sterke punten</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="191"/>
        <source>Points to work on</source>
        <translation>Werkpunten</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="192"/>
        <source>Observer</source>
        <translation>Observator</translation>
    </message>
</context>
<context>
    <name>OpenDaysModel</name>
    <message>
        <location filename="../../console/ui/admin/open_days.py" line="80"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/open_days.py" line="80"/>
        <source>Public holiday</source>
        <translation>Feestdag</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/open_days.py" line="80"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/open_days.py" line="80"/>
        <source>Hours</source>
        <translation>Uren</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/open_days.py" line="86"/>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/open_days.py" line="87"/>
        <source>open (opened by hand)</source>
        <translation>open (met de hand geopend)</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/open_days.py" line="88"/>
        <source>closed (public holiday)</source>
        <translation>gesloten (feestdag)</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/open_days.py" line="89"/>
        <source>closed (closed by hand)</source>
        <translation>gesloten (met de hand gesloten)</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/open_days.py" line="90"/>
        <source>closed (no opening hours on this weekday)</source>
        <translation>gesloten (geen openingstijden op deze weekdag)</translation>
    </message>
</context>
<context>
    <name>OpenDaysView</name>
    <message>
        <location filename="../../console/ui/admin/open_days.py" line="125"/>
        <source>Open days of the chat</source>
        <extracomment>(date, open: bool)</extracomment>
        <translation>Opendagen van de chat</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/open_days.py" line="127"/>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/open_days.py" line="156"/>
        <source>Open this day</source>
        <translation>Deze dag openen</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/open_days.py" line="159"/>
        <source>Close this day</source>
        <translation>Deze dag sluiten</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/open_days.py" line="174"/>
        <source>Close that day</source>
        <translation>Die dag sluiten</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/open_days.py" line="178"/>
        <source>Close another day (a training day, say):</source>
        <translation>Een andere dag sluiten (bijvoorbeeld een trainingsdag):</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/open_days.py" line="204"/>
        <source>Saved: {0} is now {1}.</source>
        <translation>Opgeslagen: {0} is nu {1}.</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/open_days.py" line="208"/>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/open_days.py" line="211"/>
        <source>The chat is closed on Dutch public holidays unless a day is opened here.</source>
        <translation>Op Nederlandse feestdagen is de chat gesloten, tenzij een dag hier wordt geopend.</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/open_days.py" line="214"/>
        <source>The chat keeps its weekly hours on public holidays too.</source>
        <translation>Ook op feestdagen gelden de gewone openingstijden.</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/open_days.py" line="215"/>
        <source>Weekly hours: {0}. {1} Opening a day adds no hours to it.</source>
        <translation>Openingstijden per week: {0}. {1} Een dag openen voegt er geen uren aan toe.</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/open_days.py" line="236"/>
        <source>{0} to {1}</source>
        <translation>{0} t/m {1}</translation>
    </message>
</context>
<context>
    <name>OverviewModel</name>
    <message>
        <location filename="../../console/ui/supervision/page.py" line="101"/>
        <source>Institution</source>
        <translation>Instelling</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/page.py" line="103"/>
        <source>Trainees</source>
        <translation>HIO&apos;s</translation>
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
    <name>ProgressView</name>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="247"/>
        <source>Sign off…</source>
        <extracomment>(trainee id) the supervisor wants to sign off / revoke / record an observation.</extracomment>
        <translation>Aftekenen…</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="249"/>
        <source>Revoke sign-off…</source>
        <translation>Aftekening intrekken…</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="251"/>
        <source>Record an observation…</source>
        <translation>Observatie vastleggen…</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="253"/>
        <source>Training…</source>
        <translation>Training…</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="292"/>
        <source>Released chat reviews</source>
        <translation>Vrijgegeven chatbeoordelingen</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="294"/>
        <source>Observations</source>
        <translation>Observaties</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="316"/>
        <source>colleague {0}</source>
        <translation>collega {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="321"/>
        <source>No trainee chosen</source>
        <translation>Geen HIO gekozen</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="335"/>
        <source>meets the readiness rule</source>
        <translation>voldoet aan de regel</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="339"/>
        <source>trainee number {0}</source>
        <translation>HIO-nummer {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="355"/>
        <source>Not every criterion is met yet; see the list above.</source>
        <translation>Nog niet alle criteria zijn voldaan; zie de lijst hierboven.</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="368"/>
        <source>National training on {0} by {1}.</source>
        <translation>Landelijke training op {0} door {1}.</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="373"/>
        <location filename="../../console/ui/supervision/progress.py" line="374"/>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="374"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="377"/>
        <source>Alternative route: Kindertelefoon training {0}; role plays {1} of {2}; training binder read: {3}.</source>
        <translation>Alternatieve route: training Kindertelefoon {0}; rollenspellen {1} van {2}; trainingsmap gelezen: {3}.</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="383"/>
        <source>Refresher sessions: {0}.</source>
        <translation>Opfrissessies: {0}.</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="389"/>
        <source>Signed off: may chat without backup. By {0} on {1}.</source>
        <translation>Afgetekend: mag zonder achtervang chatten. Door {0} op {1}.</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="393"/>
        <source>Review on {0}.</source>
        <translation>Evaluatie op {0}.</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="395"/>
        <source>Remark: {0}</source>
        <translation>Opmerking: {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="400"/>
        <source>Not signed off: chats with backup. A sign-off was revoked by {0} on {1}: {2}</source>
        <translation>Niet afgetekend: chat met achtervang. Een aftekening is ingetrokken door {0} op {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="405"/>
        <source>Not signed off: chats with a professional of the own institution as backup.</source>
        <translation>Niet afgetekend: chat met een professional van de eigen instelling als achtervang.</translation>
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
    <name>QuoteRow</name>
    <message>
        <location filename="../../console/ui/supervision/note_editor.py" line="88"/>
        <source>The fragment as written in the chat</source>
        <translation>Het fragment zoals het in de chat stond</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/note_editor.py" line="92"/>
        <source>Names in it you know of, separated by commas</source>
        <translation>Namen die erin staan, gescheiden door komma&apos;s</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/note_editor.py" line="95"/>
        <source>Chat reference</source>
        <translation>Chatreferentie</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/note_editor.py" line="96"/>
        <source>Quoted fragment</source>
        <translation>Geciteerd fragment</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/note_editor.py" line="97"/>
        <source>Names to mask</source>
        <translation>Te maskeren namen</translation>
    </message>
</context>
<context>
    <name>ReferralModel</name>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="68"/>
        <source>Cold</source>
        <translation>Koud</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="68"/>
        <source>Warm</source>
        <translation>Warm</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="82"/>
        <source>Chat</source>
        <translation>Gesprek</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="83"/>
        <source>Recorded</source>
        <translation>Vastgelegd</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="84"/>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="85"/>
        <source>Referred to</source>
        <translation>Verwezen naar</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="86"/>
        <source>Contact details</source>
        <translation>Contactgegevens</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="87"/>
        <source>Destroyed at the latest</source>
        <translation>Uiterlijk vernietigd</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="104"/>
        <source>Stored</source>
        <translation>Bewaard</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="104"/>
        <source>None</source>
        <translation>Geen</translation>
    </message>
</context>
<context>
    <name>ReferralsController</name>
    <message>
        <location filename="../../console/referrals_controller.py" line="23"/>
        <source>This referral is no longer open: someone else closed it meanwhile, or its contact details reached their end date. The list has been brought up to date.</source>
        <translation>Deze verwijzing is niet meer open: iemand anders heeft haar intussen afgesloten, of de bewaartermijn van de contactgegevens is verstreken. De lijst is bijgewerkt.</translation>
    </message>
</context>
<context>
    <name>ReferralsView</name>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="125"/>
        <source>Open referrals from your chats (for a supervisor: also those of your institution). Follow them up, then close them: closing destroys the contact details.</source>
        <extracomment>The id of the referral whose contact details the person asked to see. The id of the referral the person confirmed closing.</extracomment>
        <translation>Openstaande verwijzingen uit uw gesprekken (voor een begeleider: ook die van uw instelling). Handel ze af en sluit ze dan af: afsluiten vernietigt de contactgegevens.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="131"/>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="152"/>
        <source>No open referrals.</source>
        <translation>Geen openstaande verwijzingen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="162"/>
        <source>Referral</source>
        <translation>Verwijzing</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="167"/>
        <source>Show contact details</source>
        <translation>Contactgegevens tonen</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="170"/>
        <source>Hide contact details</source>
        <translation>Contactgegevens verbergen</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="173"/>
        <source>Viewing them is recorded.</source>
        <translation>Dit inzien wordt vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="182"/>
        <location filename="../../console/ui/chat/referrals.py" line="336"/>
        <location filename="../../console/ui/chat/referrals.py" line="344"/>
        <source>Close referral</source>
        <translation>Verwijzing afsluiten</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="228"/>
        <source>Select a referral to follow it up.</source>
        <translation>Kies een verwijzing om die af te handelen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="234"/>
        <source>Chat #{0}: referral to {1} ({2}), recorded {3}.</source>
        <translation>Gesprek #{0}: verwijzing naar {1} ({2}), vastgelegd {3}.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="239"/>
        <source>Contact details are stored and destroyed on closing, at the latest on {0}.</source>
        <translation>Er zijn contactgegevens bewaard; die worden vernietigd bij afsluiten, uiterlijk op {0}.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="242"/>
        <source>No contact details are stored.</source>
        <translation>Er zijn geen contactgegevens bewaard.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="279"/>
        <source>There are no contact details (any more) for this referral.</source>
        <translation>Er zijn geen contactgegevens (meer) voor deze verwijzing.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="282"/>
        <source>The contact details are stored but cannot be read: the server&apos;s key has changed. Ask your administrator.</source>
        <translation>De contactgegevens zijn bewaard maar niet leesbaar: de sleutel van de server is veranderd. Vraag het uw beheerder.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="287"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="288"/>
        <source>Telephone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="289"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="290"/>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="310"/>
        <source>The referral for chat #{0} is closed; its contact details are destroyed.</source>
        <translation>De verwijzing van gesprek #{0} is afgesloten; de contactgegevens zijn vernietigd.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="339"/>
        <source>Close the referral for chat #{0}? The contact details are destroyed; this cannot be undone.</source>
        <translation>De verwijzing van gesprek #{0} afsluiten? De contactgegevens worden vernietigd; dit kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/referrals.py" line="345"/>
        <source>Keep open</source>
        <translation>Open laten</translation>
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
    <name>ReplacementView</name>
    <message>
        <location filename="../../console/ui/roster/replacement.py" line="206"/>
        <source>Take this shift</source>
        <extracomment>(request) the person takes this shift. (request) the person withdraws their request.</extracomment>
        <translation>Deze dienst overnemen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/replacement.py" line="208"/>
        <source>Withdraw my request</source>
        <translation>Mijn verzoek intrekken</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/replacement.py" line="210"/>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/replacement.py" line="215"/>
        <source>Nobody of your institution is looking for a replacement.</source>
        <translation>Niemand van uw instelling zoekt vervanging.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/replacement.py" line="223"/>
        <source>Shifts you can take</source>
        <translation>Diensten die u kunt overnemen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/replacement.py" line="231"/>
        <source>Your requests</source>
        <translation>Uw verzoeken</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/replacement.py" line="240"/>
        <source>All requests (four weeks back and ahead)</source>
        <translation>Alle verzoeken (vier weken terug en vooruit)</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/replacement.py" line="268"/>
        <source>Choose a shift to take first.</source>
        <translation>Kies eerst een dienst om over te nemen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/replacement.py" line="275"/>
        <source>Choose an open request of yours first.</source>
        <translation>Kies eerst een openstaand verzoek van uzelf.</translation>
    </message>
</context>
<context>
    <name>RequestsModel</name>
    <message>
        <location filename="../../console/ui/roster/replacement.py" line="70"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/replacement.py" line="71"/>
        <source>Institution</source>
        <translation>Instelling</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/replacement.py" line="72"/>
        <source>Asked by</source>
        <translation>Gevraagd door</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/replacement.py" line="73"/>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/replacement.py" line="74"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/replacement.py" line="75"/>
        <source>Asked at</source>
        <translation>Gevraagd op</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/replacement.py" line="76"/>
        <source>Taken by</source>
        <translation>Overgenomen door</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/replacement.py" line="81"/>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/replacement.py" line="83"/>
        <source>taken by {0}</source>
        <translation>overgenomen door {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/replacement.py" line="85"/>
        <source>withdrawn</source>
        <translation>ingetrokken</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/replacement.py" line="87"/>
        <source>lapsed</source>
        <translation>vervallen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/replacement.py" line="96"/>
        <source>{0} {1}, block {2}</source>
        <translation>{0} {1}, blok {2}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/replacement.py" line="112"/>
        <source>withdrawn {0}</source>
        <translation>ingetrokken {0}</translation>
    </message>
</context>
<context>
    <name>ReviewForm</name>
    <message>
        <location filename="../../console/ui/supervision/review_form.py" line="67"/>
        <source>— enter the number —</source>
        <extracomment>(trainee id, chat reference, scores, comment) (review id)</extracomment>
        <translation>— vul het nummer in —</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/review_form.py" line="78"/>
        <source>Type a name or an institution</source>
        <translation>Typ een naam of een instelling</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/review_form.py" line="86"/>
        <source>— choose —</source>
        <translation>— kies —</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/review_form.py" line="97"/>
        <source>What went well, what could be better</source>
        <translation>Wat ging goed, wat kan beter</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/review_form.py" line="99"/>
        <source>Save review</source>
        <translation>Beoordeling opslaan</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/review_form.py" line="109"/>
        <source>Review chats of trainees of another institution only. Choose the trainee (or, if the list is empty, type the number from the trainee&apos;s progress page); the chat is named by its anonymous reference.</source>
        <translation>Beoordeel alleen chats van HIO&apos;s van een andere instelling. Kies de HIO (of typ, als de lijst leeg is, het HIO-nummer van de voortgangspagina van de HIO); de chat noemt u bij zijn anonieme referentie.</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/review_form.py" line="116"/>
        <source>Trainee</source>
        <translation>HIO</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/review_form.py" line="117"/>
        <source>Trainee number</source>
        <translation>HIO-nummer</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/review_form.py" line="119"/>
        <source>Chat reference</source>
        <translation>Chatreferentie</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/review_form.py" line="120"/>
        <source>Rubric (0 = absent … 4 = excellent)</source>
        <translation>Beoordelingsschaal (0 = ontbreekt … 4 = uitstekend)</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/review_form.py" line="127"/>
        <source>Comment for the trainee</source>
        <translation>Toelichting voor de HIO</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/review_form.py" line="136"/>
        <source>Release to the trainee</source>
        <translation>Vrijgeven aan de HIO</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/review_form.py" line="139"/>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/review_form.py" line="142"/>
        <source>Reviews you wrote</source>
        <translation>Uw beoordelingen</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/review_form.py" line="150"/>
        <source>A review counts, and the trainee sees it, once you release it.</source>
        <translation>Een beoordeling telt mee, en de HIO ziet haar, zodra u haar vrijgeeft.</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/review_form.py" line="187"/>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/review_form.py" line="215"/>
        <source>Average: {0}</source>
        <translation>Gemiddelde: {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/ui/supervision/review_form.py" line="219"/>
        <source>Average: — (%n item(s) still to score)</source>
        <translation>
            <numerusform>Gemiddelde: — (nog %n onderdeel te scoren)</numerusform>
            <numerusform>Gemiddelde: — (nog %n onderdelen te scoren)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/review_form.py" line="232"/>
        <source>The comment is too long.</source>
        <translation>De toelichting is te lang.</translation>
    </message>
</context>
<context>
    <name>ReviewsModel</name>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="141"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="141"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="141"/>
        <source>Average</source>
        <translation>Gemiddelde</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="141"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="156"/>
        <source>released</source>
        <translation>vrijgegeven</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="156"/>
        <source>not released yet</source>
        <translation>nog niet vrijgegeven</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="157"/>
        <source>calibration</source>
        <translation>kalibratie</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="159"/>
        <source>calibration (does not count)</source>
        <translation>kalibratie (telt niet mee)</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="160"/>
        <source>counts</source>
        <translation>telt mee</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/progress.py" line="160"/>
        <source>does not count</source>
        <translation>telt niet mee</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <location filename="../../console/ui/supervision/signoff.py" line="149"/>
        <source>Revoke the sign-off of {0}</source>
        <extracomment>(reason)</extracomment>
        <translation>Aftekening van {0} intrekken</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/signoff.py" line="154"/>
        <source>{0} will chat with backup again from now on; the roster&apos;s backup rule applies again. Please give the reason; the trainee sees it.</source>
        <translation>{0} chat vanaf nu weer met achtervang; de achtervangregel van het rooster geldt weer. Geef de reden op; de HIO ziet die.</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/signoff.py" line="166"/>
        <source>Revoke</source>
        <translation>Intrekken</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/signoff.py" line="177"/>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/ui/supervision/signoff.py" line="185"/>
        <source>The reason is too long (at most %n characters).</source>
        <translation>
            <numerusform>De reden is te lang (hoogstens %n teken).</numerusform>
            <numerusform>De reden is te lang (hoogstens %n tekens).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterController</name>
    <message>
        <location filename="../../console/roster_controller.py" line="172"/>
        <source>You may not change this.</source>
        <extracomment>How far ahead unfilled blocks are announced on the roster page. Who reads the fairness report (figures per institution, nothing personal).</extracomment>
        <translation>U mag dit niet wijzigen.</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="177"/>
        <source>Someone else changed this first; the roster now shows their change.</source>
        <translation>Iemand anders heeft dit eerder gewijzigd; het rooster toont nu die wijziging.</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="187"/>
        <source>This cannot be done:</source>
        <translation>Dit kan niet:</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="190"/>
        <source>The server refused the change.</source>
        <translation>De server heeft de wijziging geweigerd.</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="270"/>
        <source>No institution has this block yet.</source>
        <translation>Dit blok heeft nog geen instelling.</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="273"/>
        <source>Right-click to choose one.</source>
        <translation>Klik met de rechtermuisknop om er een te kiezen.</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="301"/>
        <source>Someone else changed this block first.</source>
        <translation>Iemand anders heeft dit blok eerder gewijzigd.</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="311"/>
        <source>You may not fill the names of this block.</source>
        <translation>U mag de namen van dit blok niet invullen.</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="321"/>
        <source>The names are saved.</source>
        <translation>De namen zijn opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="359"/>
        <source>Making a proposal; this can take up to half a minute…</source>
        <translation>Het voorstel wordt gemaakt; dit kan een halve minuut duren…</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="368"/>
        <source>No roster is possible:</source>
        <translation>Er is geen rooster mogelijk:</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="371"/>
        <source>The proposal could not be made.</source>
        <translation>Het voorstel kon niet worden gemaakt.</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="404"/>
        <source>The draft changed after the proposal was made; make a new proposal.</source>
        <translation>Het concept is gewijzigd nadat het voorstel is gemaakt; maak een nieuw voorstel.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/roster_controller.py" line="416"/>
        <source>Proposal accepted: %n change(s).</source>
        <translation>
            <numerusform>Voorstel overgenomen: %n wijziging.</numerusform>
            <numerusform>Voorstel overgenomen: %n wijzigingen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="423"/>
        <source>Proposal rejected; nothing changed.</source>
        <translation>Voorstel afgewezen; er is niets veranderd.</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="438"/>
        <source>Not yet complete:</source>
        <translation>Nog niet compleet:</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="441"/>
        <source>The roster was not published.</source>
        <translation>Het rooster is niet gepubliceerd.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/roster_controller.py" line="451"/>
        <source>Published: %n block(s).</source>
        <translation>
            <numerusform>Gepubliceerd: %n blok.</numerusform>
            <numerusform>Gepubliceerd: %n blokken.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="480"/>
        <source>Only dates from today up to two years ahead can be marked.</source>
        <translation>Alleen data van vandaag tot twee jaar vooruit kunnen worden aangegeven.</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="543"/>
        <location filename="../../console/roster_controller.py" line="588"/>
        <source>Saved to {0}.</source>
        <translation>Opgeslagen in {0}.</translation>
    </message>
    <message>
        <location filename="../../console/roster_controller.py" line="600"/>
        <source>The file was not imported; nothing was changed.</source>
        <translation>Het bestand is niet geïmporteerd; er is niets gewijzigd.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/roster_controller.py" line="613"/>
        <source>Imported: %n block(s) changed.</source>
        <translation>
            <numerusform>Geïmporteerd: %n blok gewijzigd.</numerusform>
            <numerusform>Geïmporteerd: %n blokken gewijzigd.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterDutyController</name>
    <message>
        <location filename="../../console/roster_duty_controller.py" line="59"/>
        <source>Replacements</source>
        <extracomment>The trail shown: this many days back and ahead.</extracomment>
        <translation>Vervanging</translation>
    </message>
    <message>
        <location filename="../../console/roster_duty_controller.py" line="68"/>
        <source>Attendance</source>
        <translation>Aanwezigheid</translation>
    </message>
    <message>
        <location filename="../../console/roster_duty_controller.py" line="100"/>
        <source>{0}, block {1}</source>
        <translation>{0}, blok {1}</translation>
    </message>
    <message>
        <location filename="../../console/roster_duty_controller.py" line="119"/>
        <source>You already asked to be replaced in this shift.</source>
        <translation>U heeft al om vervanging gevraagd voor deze dienst.</translation>
    </message>
    <message>
        <location filename="../../console/roster_duty_controller.py" line="126"/>
        <source>This shift has already started; ask before it starts.</source>
        <translation>Deze dienst is al begonnen; vraag vervanging voordat hij begint.</translation>
    </message>
    <message>
        <location filename="../../console/roster_duty_controller.py" line="134"/>
        <source>You do not sit in this shift (any more).</source>
        <translation>U zit (niet meer) in deze dienst.</translation>
    </message>
    <message>
        <location filename="../../console/roster_duty_controller.py" line="145"/>
        <source>Your request is out. You stay on the roster until a colleague takes it.</source>
        <translation>Uw verzoek is verstuurd. U blijft ingeroosterd tot een collega de dienst overneemt.</translation>
    </message>
    <message>
        <location filename="../../console/roster_duty_controller.py" line="167"/>
        <source>{0} took this shift first; the list is up to date again.</source>
        <translation>{0} heeft deze dienst als eerste overgenomen; de lijst is bijgewerkt.</translation>
    </message>
    <message>
        <location filename="../../console/roster_duty_controller.py" line="172"/>
        <source>A colleague</source>
        <translation>Een collega</translation>
    </message>
    <message>
        <location filename="../../console/roster_duty_controller.py" line="178"/>
        <source>This request was withdrawn meanwhile.</source>
        <translation>Dit verzoek is intussen ingetrokken.</translation>
    </message>
    <message>
        <location filename="../../console/roster_duty_controller.py" line="185"/>
        <source>This shift can no longer be taken.</source>
        <translation>Deze dienst kan niet meer worden overgenomen.</translation>
    </message>
    <message>
        <location filename="../../console/roster_duty_controller.py" line="196"/>
        <source>You cannot take this shift: {0}</source>
        <translation>U kunt deze dienst niet overnemen: {0}</translation>
    </message>
    <message>
        <location filename="../../console/roster_duty_controller.py" line="206"/>
        <source>You took the shift of {0} on {1}.</source>
        <translation>U heeft de dienst van {0} op {1} overgenomen.</translation>
    </message>
    <message>
        <location filename="../../console/roster_duty_controller.py" line="224"/>
        <source>This request can no longer be withdrawn.</source>
        <translation>Dit verzoek kan niet meer worden ingetrokken.</translation>
    </message>
    <message>
        <location filename="../../console/roster_duty_controller.py" line="235"/>
        <source>Your request is withdrawn; the shift is yours again.</source>
        <translation>Uw verzoek is ingetrokken; de dienst is weer van u.</translation>
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
        <location filename="../../console/ui/roster/page.py" line="99"/>
        <source>Right-click a block to choose its institution, pin it or give forum duty.</source>
        <extracomment>At most this many problems are listed under the grid (the rest are counted). At most this many unfilled blocks are named in the banner (the rest are counted). (start, end) the coordinator asks for a proposal. (start, end) the coordinator publishes. (path) where to save the .ics file. (path) where to save the XLSX export of the shown month. (path) the XLSX file to import.</extracomment>
        <translation>Klik met de rechtermuisknop op een blok om de instelling te kiezen, het blok vast te zetten of forumdienst te geven.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="106"/>
        <source>Export…</source>
        <translation>Exporteren…</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="109"/>
        <source>Import…</source>
        <translation>Importeren…</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="128"/>
        <source>Arrows move · Enter opens a block to fill in the names</source>
        <translation>Pijltjes verplaatsen · Enter opent een blok om de namen in te vullen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="139"/>
        <source>Print…</source>
        <translation>Afdrukken…</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="142"/>
        <source>Save as PDF…</source>
        <translation>Opslaan als pdf…</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="162"/>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="164"/>
        <source>Month</source>
        <translation>Maand</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="168"/>
        <source>Fairness</source>
        <translation>Eerlijke verdeling</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="172"/>
        <source>Commitments</source>
        <translation>Toezeggingen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="177"/>
        <source>My shifts</source>
        <translation>Mijn diensten</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="190"/>
        <source>Make a proposal ({0})</source>
        <translation>Voorstel maken ({0})</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="191"/>
        <source>Publish ({0})</source>
        <translation>Publiceren ({0})</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="204"/>
        <source>Last published: {0}</source>
        <translation>Laatst gepubliceerd: {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="207"/>
        <source>This week has not been published yet.</source>
        <translation>Deze week is nog niet gepubliceerd.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/ui/roster/page.py" line="218"/>
        <location filename="../../console/ui/roster/page.py" line="240"/>
        <source>… and %n more.</source>
        <translation>
            <numerusform>… en nog %n.</numerusform>
            <numerusform>… en nog %n.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="219"/>
        <source>To do before publishing:</source>
        <translation>Nog te doen voor het publiceren:</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="232"/>
        <source>{0}, block {1}</source>
        <translation>{0}, blok {1}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="234"/>
        <source>no institution yet</source>
        <translation>nog geen instelling</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/ui/roster/page.py" line="236"/>
        <source>%n seat(s) open</source>
        <translation>
            <numerusform>%n plek open</numerusform>
            <numerusform>%n plekken open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/ui/roster/page.py" line="241"/>
        <source>Not filled yet in the next %n day(s):</source>
        <translation>
            <numerusform>Nog niet ingevuld in de komende %n dag:</numerusform>
            <numerusform>Nog niet ingevuld in de komende %n dagen:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="253"/>
        <source>Save the roster as PDF</source>
        <translation>Rooster opslaan als pdf</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="255"/>
        <source>PDF document (*.pdf)</source>
        <translation>Pdf-document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="261"/>
        <source>Saved as {0}</source>
        <translation>Opgeslagen als {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="285"/>
        <source>Save my shifts</source>
        <translation>Mijn diensten opslaan</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="287"/>
        <source>Calendar (*.ics)</source>
        <translation>Agenda (*.ics)</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="294"/>
        <source>Export the roster</source>
        <translation>Rooster exporteren</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="296"/>
        <location filename="../../console/ui/roster/page.py" line="304"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-werkmap (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/page.py" line="301"/>
        <source>Import a roster</source>
        <translation>Rooster importeren</translation>
    </message>
</context>
<context>
    <name>RosterPrinting</name>
    <message>
        <location filename="../../console/ui/roster/printing.py" line="38"/>
        <source>Printed {0}</source>
        <translation>Afgedrukt {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/printing.py" line="89"/>
        <source>Print the roster</source>
        <translation>Rooster afdrukken</translation>
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
        <location filename="../../console/ui/screening/page.py" line="240"/>
        <source>To screen</source>
        <translation>Te screenen</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/page.py" line="241"/>
        <source>Held (trainees&apos; meeting)</source>
        <translation>Aangehouden (HIO-overleg)</translation>
    </message>
    <message>
        <location filename="../../console/ui/screening/page.py" line="242"/>
        <source>Escalated</source>
        <translation>Geëscaleerd</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/ui/screening/page.py" line="247"/>
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
    <name>SignOffDialog</name>
    <message>
        <location filename="../../console/ui/supervision/signoff.py" line="48"/>
        <source>Sign off {0}</source>
        <extracomment>(remark, review date or None)</extracomment>
        <translation>{0} aftekenen</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/signoff.py" line="53"/>
        <source>After sign-off, {0} may chat without a professional of the own institution as backup; routing and the roster follow at once. You can revoke it later.</source>
        <translation>Na het aftekenen mag {0} chatten zonder een professional van de eigen instelling als achtervang; de verdeling van chats en het rooster volgen direct. U kunt het later intrekken.</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/signoff.py" line="69"/>
        <source>What you base this on, agreements made</source>
        <translation>Waarop u dit baseert, gemaakte afspraken</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/signoff.py" line="71"/>
        <source>Plan a review on</source>
        <translation>Evaluatie plannen op</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/signoff.py" line="79"/>
        <source>Remark</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/signoff.py" line="87"/>
        <source>Sign off</source>
        <translation>Aftekenen</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/signoff.py" line="111"/>
        <source>Sign-off is possible once every criterion is met. Not yet met: {0}.</source>
        <translation>Aftekenen kan zodra aan elk criterium is voldaan. Nog niet voldaan: {0}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/ui/supervision/signoff.py" line="118"/>
        <source>The remark is too long (at most %n characters).</source>
        <translation>
            <numerusform>De opmerking is te lang (hoogstens %n teken).</numerusform>
            <numerusform>De opmerking is te lang (hoogstens %n tekens).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/signoff.py" line="137"/>
        <source>The server refused: the trainee does not meet the rule (any more).</source>
        <translation>De server weigert: de HIO voldoet (nog) niet aan de regel.</translation>
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
    <name>SupervisionController</name>
    <message>
        <location filename="../../console/supervision_controller.py" line="167"/>
        <source>This trainee is already signed off.</source>
        <translation>Deze HIO is al afgetekend.</translation>
    </message>
    <message>
        <location filename="../../console/supervision_controller.py" line="180"/>
        <source>Signed off: {0} may now chat without backup.</source>
        <translation>Afgetekend: {0} mag nu zonder achtervang chatten.</translation>
    </message>
    <message>
        <location filename="../../console/supervision_controller.py" line="203"/>
        <source>This trainee is not signed off (any more).</source>
        <translation>Deze HIO is niet (meer) afgetekend.</translation>
    </message>
    <message>
        <location filename="../../console/supervision_controller.py" line="216"/>
        <source>The sign-off is revoked: chats with backup again.</source>
        <translation>De aftekening is ingetrokken: chat weer met achtervang.</translation>
    </message>
    <message>
        <location filename="../../console/supervision_controller.py" line="227"/>
        <source>You may not supervise yet (you were promoted from trainee); an admin can lift this.</source>
        <translation>U mag nog niet begeleiden (u bent doorgestroomd vanuit de opleiding); een beheerder kan dat opheffen.</translation>
    </message>
    <message>
        <location filename="../../console/supervision_controller.py" line="232"/>
        <source>Only a supervisor of the trainee&apos;s own institution may do this.</source>
        <translation>Alleen een begeleider van de eigen instelling van de HIO mag dit.</translation>
    </message>
    <message>
        <location filename="../../console/supervision_controller.py" line="270"/>
        <source>The observation is saved.</source>
        <translation>De observatie is opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../console/supervision_controller.py" line="320"/>
        <source>The training is saved.</source>
        <translation>De training is opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../console/supervision_controller.py" line="348"/>
        <source>You cannot review this trainee: a review is written by a helper or supervisor of another institution, never by the trainee&apos;s own supervisors or colleagues.</source>
        <translation>U kunt deze HIO niet beoordelen: een beoordeling wordt geschreven door een hulpverlener of begeleider van een andere instelling, nooit door de eigen begeleiders of collega&apos;s van de HIO.</translation>
    </message>
    <message>
        <location filename="../../console/supervision_controller.py" line="359"/>
        <source>There is no trainee with number {0}.</source>
        <translation>Er is geen HIO met nummer {0}.</translation>
    </message>
    <message>
        <location filename="../../console/supervision_controller.py" line="367"/>
        <source>You already reviewed this chat.</source>
        <translation>U hebt deze chat al beoordeeld.</translation>
    </message>
    <message>
        <location filename="../../console/supervision_controller.py" line="375"/>
        <source>The server refused the review: {0}</source>
        <translation>De server weigert de beoordeling: {0}</translation>
    </message>
    <message>
        <location filename="../../console/supervision_controller.py" line="388"/>
        <source>The review is saved. Release it when you want the trainee to see it.</source>
        <translation>De beoordeling is opgeslagen. Geef haar vrij wanneer de HIO haar mag zien.</translation>
    </message>
    <message>
        <location filename="../../console/supervision_controller.py" line="409"/>
        <source>Released: the trainee can see the review, and it counts.</source>
        <translation>Vrijgegeven: de HIO ziet de beoordeling en zij telt mee.</translation>
    </message>
    <message>
        <location filename="../../console/supervision_controller.py" line="474"/>
        <source>The case note is saved on the server.</source>
        <translation>Het casusverslag is op de server opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../console/supervision_controller.py" line="506"/>
        <source>The note is kept encrypted on this computer until the server has it; it is sent as soon as there is a connection.</source>
        <translation>Het verslag blijft versleuteld op deze computer tot de server het heeft; het wordt verzonden zodra er verbinding is.</translation>
    </message>
    <message>
        <location filename="../../console/supervision_controller.py" line="517"/>
        <source>The server refused a case note: {0}</source>
        <translation>De server weigert een casusverslag: {0}</translation>
    </message>
</context>
<context>
    <name>SupervisionLabels</name>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="19"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="20"/>
        <source>Supervised shifts</source>
        <translation>Begeleide diensten</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="23"/>
        <source>Chat reviews</source>
        <translation>Chatbeoordelingen</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="24"/>
        <source>Intervision attended</source>
        <translation>Intervisie bijgewoond</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="34"/>
        <source>Phase: {0}</source>
        <translation>Fase: {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="40"/>
        <source>Cultural sensitivity</source>
        <translation>Cultuursensitiviteit</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="43"/>
        <source>Handling risk and crisis</source>
        <translation>Omgaan met risico en crisis</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="46"/>
        <source>Written tone</source>
        <translation>Schrijftoon</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="52"/>
        <source>0 – absent</source>
        <translation>0 – ontbreekt</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="53"/>
        <source>1 – weak</source>
        <translation>1 – zwak</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="54"/>
        <source>2 – adequate</source>
        <translation>2 – voldoende</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="55"/>
        <source>3 – good</source>
        <translation>3 – goed</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="56"/>
        <source>4 – excellent</source>
        <translation>4 – uitstekend</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="63"/>
        <source>1 – observes only</source>
        <translation>1 – kijkt alleen mee</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="64"/>
        <source>2 – chats with a supervisor directly beside them</source>
        <translation>2 – chat met een begeleider direct ernaast</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="67"/>
        <source>3 – chats with backup available</source>
        <translation>3 – chat met achtervang in de buurt</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="68"/>
        <source>4 – chats independently</source>
        <translation>4 – chat zelfstandig</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="69"/>
        <source>5 – may supervise others</source>
        <translation>5 – mag anderen begeleiden</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="75"/>
        <source>Incident method</source>
        <translation>Incidentmethode</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="76"/>
        <source>Ten-step method</source>
        <translation>Tienstappenmethode</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="77"/>
        <source>Balint method</source>
        <translation>Balintmethode</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="78"/>
        <source>Free discussion</source>
        <translation>Vrije bespreking</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="84"/>
        <source>The case in a few lines</source>
        <translation>De casus in een paar regels</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="85"/>
        <source>The question</source>
        <translation>De vraag</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="86"/>
        <source>Round of questions and advice</source>
        <translation>Vragen- en adviesronde</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="89"/>
        <source>The approach chosen</source>
        <translation>De gekozen aanpak</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="90"/>
        <source>Follow-up due next time</source>
        <translation>Terugkoppeling bij de volgende keer</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="96"/>
        <source>In training</source>
        <translation>In opleiding</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="97"/>
        <source>Gathering supervised shifts</source>
        <translation>Verzamelt begeleide diensten</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="100"/>
        <source>Reviews and intervision</source>
        <translation>Beoordelingen en intervisie</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="101"/>
        <source>Ready for sign-off</source>
        <translation>Klaar om af te tekenen</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="102"/>
        <source>Signed off</source>
        <translation>Afgetekend</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="108"/>
        <source>e-mail address</source>
        <translation>e-mailadres</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="109"/>
        <source>phone number</source>
        <translation>telefoonnummer</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="110"/>
        <source>link</source>
        <translation>link</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="111"/>
        <source>postcode</source>
        <translation>postcode</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="112"/>
        <source>address</source>
        <translation>adres</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="113"/>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="143"/>
        <source>National Hulpmix training completed</source>
        <translation>Landelijke Hulpmix-training gevolgd</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="147"/>
        <source>Kindertelefoon training</source>
        <translation>training Kindertelefoon</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/ui/supervision/labels.py" line="150"/>
        <source>%n role play(s)</source>
        <translation>
            <numerusform>%n rollenspel</numerusform>
            <numerusform>%n rollenspellen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="153"/>
        <source>training binder read</source>
        <translation>trainingsmap gelezen</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="157"/>
        <source>Alternative route completed</source>
        <translation>Alternatieve route afgerond</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="158"/>
        <source>Still missing: {0}</source>
        <translation>Nog niet compleet: {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="163"/>
        <source>{0} of {1} released reviews, average {2} (needed: {3} or more)</source>
        <translation>{0} van {1} vrijgegeven beoordelingen, gemiddelde {2} (nodig: {3} of hoger)</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="167"/>
        <source>{0} of {1} shifts with backup of the own institution</source>
        <translation>{0} van {1} diensten met achtervang van de eigen instelling</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="170"/>
        <source>{0} of {1} meeting(s)</source>
        <translation>{0} van {1} bijeenkomst(en)</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="177"/>
        <source>✓ met</source>
        <translation>✓ voldaan</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/labels.py" line="179"/>
        <source>✗ not yet</source>
        <translation>✗ nog niet</translation>
    </message>
</context>
<context>
    <name>SupervisionPage</name>
    <message>
        <location filename="../../console/ui/supervision/page.py" line="139"/>
        <source>My progress</source>
        <extracomment>(trainee id) a supervisor chose a trainee in the list.</extracomment>
        <translation>Mijn voortgang</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/page.py" line="149"/>
        <source>Trainees of your institution</source>
        <translation>HIO&apos;s van uw instelling</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/page.py" line="157"/>
        <source>Trainees</source>
        <translation>HIO&apos;s</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/page.py" line="161"/>
        <source>Chat reviews</source>
        <translation>Chatbeoordelingen</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/page.py" line="167"/>
        <source>Intervision</source>
        <translation>Intervisie</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/page.py" line="176"/>
        <source>How many trainees each institution has at each stage. Records and intervision notes stay with the institutions.</source>
        <translation>Hoeveel HIO&apos;s elke instelling in elke fase heeft. Dossiers en intervisieverslagen blijven bij de instellingen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/page.py" line="183"/>
        <source>Overview</source>
        <translation>Overzicht</translation>
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
    <name>TextsEditor</name>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="69"/>
        <source>Chat texts</source>
        <extracomment>Load the texts as stored (again). A `ChatTexts` to save; its version is the one the edit started from. The texts as last read or saved (None before the first load). The stored texts of a conflict, until the editor chooses.</extracomment>
        <translation>Chatteksten</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="71"/>
        <source>Reload</source>
        <translation>Opnieuw laden</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="74"/>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="87"/>
        <source>The steps helpers follow in a crisis.</source>
        <translation>De stappen die hulpverleners bij een crisis volgen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="89"/>
        <source>Crisis protocol</source>
        <translation>Crisisprotocol</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="104"/>
        <source>New service</source>
        <translation>Nieuwe instantie</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="106"/>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="108"/>
        <location filename="../../console/ui/admin/texts.py" line="130"/>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="110"/>
        <location filename="../../console/ui/admin/texts.py" line="133"/>
        <source>Up</source>
        <translation>Omhoog</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="112"/>
        <location filename="../../console/ui/admin/texts.py" line="136"/>
        <source>Down</source>
        <translation>Omlaag</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="114"/>
        <source>Referral services</source>
        <translation>Verwijsinstanties</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="127"/>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="154"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="156"/>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="158"/>
        <source>Short texts</source>
        <translation>Korte teksten</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="175"/>
        <source>Save mine over theirs</source>
        <translation>Mijn versie toch opslaan</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="178"/>
        <source>Take theirs</source>
        <translation>Hun versie overnemen</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="182"/>
        <source>Yours (not saved)</source>
        <translation>Uw versie (niet opgeslagen)</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="183"/>
        <source>Saved now</source>
        <translation>Nu opgeslagen</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="326"/>
        <source>New text</source>
        <translation>Nieuwe tekst</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="358"/>
        <source>The crisis protocol is empty.</source>
        <translation>Het crisisprotocol is leeg.</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="361"/>
        <source>The crisis protocol is longer than {0} characters.</source>
        <translation>Het crisisprotocol is langer dan {0} tekens.</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="367"/>
        <source>Short text {0} has no title.</source>
        <translation>Korte tekst {0} heeft geen titel.</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="370"/>
        <source>The short text “{0}” has no text.</source>
        <translation>De korte tekst “{0}” heeft geen tekst.</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="375"/>
        <source>A referral service has no name.</source>
        <translation>Een verwijsinstantie heeft geen naam.</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="388"/>
        <location filename="../../console/ui/admin/texts.py" line="470"/>
        <source>Saving…</source>
        <translation>Opslaan…</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="399"/>
        <source>Saved. Helpers see the new texts in their chats right away.</source>
        <translation>Opgeslagen. Hulpverleners zien de nieuwe teksten meteen in hun chats.</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="411"/>
        <source>The server did not accept the texts: {0}</source>
        <translation>De server heeft de teksten niet geaccepteerd: {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="421"/>
        <source>the crisis protocol</source>
        <translation>het crisisprotocol</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="422"/>
        <source>the short texts</source>
        <translation>de korte teksten</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="424"/>
        <source>the referral services</source>
        <translation>de verwijsinstanties</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="432"/>
        <source>Someone else saved the chat texts after you opened them. Compare both versions, then save yours over theirs or take theirs (your changes are then lost).</source>
        <translation>Iemand anders heeft de chatteksten opgeslagen nadat u ze opende. Vergelijk beide versies en sla dan uw versie op of neem die van de ander over (uw wijzigingen gaan dan verloren).</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="438"/>
        <source>They differ in: {0}.</source>
        <translation>Verschillen in: {0}.</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="448"/>
        <source>Crisis protocol:</source>
        <translation>Crisisprotocol:</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="449"/>
        <source>Short texts:</source>
        <translation>Korte teksten:</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="451"/>
        <source>Referral services:</source>
        <translation>Verwijsinstanties:</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="481"/>
        <source>Showing the texts as they are saved now.</source>
        <translation>De teksten zoals ze nu zijn opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="492"/>
        <source>Unsaved changes</source>
        <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="493"/>
        <source>Reloading drops your unsaved changes to the chat texts.</source>
        <translation>Opnieuw laden gooit uw niet-opgeslagen wijzigingen in de chatteksten weg.</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="497"/>
        <source>Drop and reload</source>
        <translation>Weggooien en opnieuw laden</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="498"/>
        <source>Keep editing</source>
        <translation>Verder bewerken</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/texts.py" line="511"/>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
</context>
<context>
    <name>TraineesModel</name>
    <message>
        <location filename="../../console/ui/supervision/page.py" line="63"/>
        <source>Trainee</source>
        <translation>HIO</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/page.py" line="63"/>
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/page.py" line="63"/>
        <source>Criteria met</source>
        <translation>Criteria voldaan</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/page.py" line="76"/>
        <source>{0} of {1}</source>
        <translation>{0} van {1}</translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <location filename="../../console/ui/supervision/training.py" line="73"/>
        <source>Training of {0}</source>
        <extracomment>(the edited record; its version is the one the form was filled from)</extracomment>
        <translation>Training van {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/training.py" line="79"/>
        <source>The training criterion is met by the national training (date and trainer) or by the complete alternative route: the Kindertelefoon training, {0} role plays and the training binder read.</source>
        <translation>Aan het trainingscriterium is voldaan met de landelijke training (datum en trainer) of met de volledige alternatieve route: de Kindertelefoon-training, {0} rollenspellen en de trainingsmap gelezen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/training.py" line="87"/>
        <source>National training followed on</source>
        <translation>Landelijke training gevolgd op</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/training.py" line="93"/>
        <source>Name of the trainer</source>
        <translation>Naam van de trainer</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/training.py" line="95"/>
        <source>National training</source>
        <translation>Landelijke training</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/training.py" line="98"/>
        <source>Trainer</source>
        <translation>Trainer</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/training.py" line="101"/>
        <source>Kindertelefoon training followed on</source>
        <translation>Kindertelefoon-training gevolgd op</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/training.py" line="108"/>
        <source>Training binder read</source>
        <translation>Trainingsmap gelezen</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/training.py" line="110"/>
        <source>Alternative route</source>
        <translation>Alternatieve route</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/training.py" line="113"/>
        <source>Role plays</source>
        <translation>Rollenspellen</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/training.py" line="119"/>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/training.py" line="119"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/training.py" line="123"/>
        <source>Add a session</source>
        <translation>Sessie toevoegen</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/training.py" line="125"/>
        <source>Remove the chosen session</source>
        <translation>Gekozen sessie verwijderen</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/training.py" line="133"/>
        <source>Refresher sessions</source>
        <translation>Opfrissessies</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/training.py" line="143"/>
        <source>Save training</source>
        <translation>Training opslaan</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/training.py" line="224"/>
        <source>Please name the national trainer.</source>
        <translation>Vul de naam van de landelijke trainer in.</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/training.py" line="227"/>
        <source>Every refresher session needs a theme.</source>
        <translation>Elke opfrissessie heeft een thema nodig.</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/training.py" line="229"/>
        <source>Each theme can be listed only once.</source>
        <translation>Elk thema kan maar één keer worden opgegeven.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/ui/supervision/training.py" line="234"/>
        <source>A theme is too long (at most %n characters).</source>
        <translation>
            <numerusform>Een thema is te lang (maximaal %n teken).</numerusform>
            <numerusform>Een thema is te lang (maximaal %n tekens).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/ui/supervision/training.py" line="239"/>
        <source>At most %n refresher sessions.</source>
        <translation>
            <numerusform>Maximaal %n opfrissessie.</numerusform>
            <numerusform>Maximaal %n opfrissessies.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/training.py" line="266"/>
        <source>date of the national training</source>
        <translation>datum van de landelijke training</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/training.py" line="267"/>
        <source>trainer</source>
        <translation>trainer</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/training.py" line="268"/>
        <source>date of the Kindertelefoon training</source>
        <translation>datum van de Kindertelefoon-training</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/training.py" line="269"/>
        <source>role plays</source>
        <translation>rollenspellen</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/training.py" line="270"/>
        <source>training binder read</source>
        <translation>trainingsmap gelezen</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/training.py" line="271"/>
        <source>refresher sessions</source>
        <translation>opfrissessies</translation>
    </message>
    <message>
        <location filename="../../console/ui/supervision/training.py" line="303"/>
        <source>Someone else changed this training record in the meantime. The form now shows the current record; please make your change again and save.</source>
        <translation>Iemand anders heeft deze trainingsgegevens intussen gewijzigd. Het formulier toont nu de actuele gegevens; brengt u uw wijziging opnieuw aan en slaat u op.</translation>
    </message>
</context>
<context>
    <name>TranscriptModel</name>
    <message>
        <location filename="../../console/ui/chat/transcript.py" line="131"/>
        <source>Youth</source>
        <extracomment>The message&apos;s sender kind: &quot;youth&quot;, &quot;helper&quot;, &quot;system&quot;, &quot;whisper&quot; or &quot;consult&quot;. True while a message the helper sent has no sequence number from the server yet. The message text alone (plain).</extracomment>
        <translation>Jongere</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/transcript.py" line="133"/>
        <source>You</source>
        <translation>Jij</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/transcript.py" line="135"/>
        <source>Whisper from {0}</source>
        <translation>Fluistering van {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/transcript.py" line="135"/>
        <source>Whisper</source>
        <translation>Fluistering</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/transcript.py" line="137"/>
        <source>Consult {0}</source>
        <translation>Overleg {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/transcript.py" line="137"/>
        <source>Consult</source>
        <translation>Overleg</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/transcript.py" line="138"/>
        <source>System</source>
        <translation>Systeem</translation>
    </message>
    <message>
        <location filename="../../console/ui/chat/transcript.py" line="148"/>
        <source>(sending)</source>
        <translation>(wordt verstuurd)</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <location filename="../../console/ui/chat/transcript.py" line="213"/>
        <source>Copy</source>
        <translation>Kopiëren</translation>
    </message>
</context>
<context>
    <name>UnavailabilityBox</name>
    <message>
        <location filename="../../console/ui/roster/unavailability.py" line="39"/>
        <source>When I cannot sit</source>
        <extracomment>Dates can be marked up to this many days ahead (the server&apos;s limit is two years). (weekdays: list[int], dates: list[date]) to save, the whole list.</extracomment>
        <translation>Wanneer ik niet kan</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/unavailability.py" line="44"/>
        <source>Every week:</source>
        <translation>Elke week:</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/unavailability.py" line="62"/>
        <source>Add date</source>
        <translation>Datum toevoegen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/unavailability.py" line="65"/>
        <source>Remove date</source>
        <translation>Datum verwijderen</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/unavailability.py" line="68"/>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/unavailability.py" line="77"/>
        <source>Single dates:</source>
        <translation>Losse data:</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/unavailability.py" line="98"/>
        <source>{0}, block {1}</source>
        <translation>{0}, blok {1}</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/unavailability.py" line="103"/>
        <source>You are on the roster on a day you cannot sit: {0}. You stay responsible for it; ask for a replacement.</source>
        <translation>U staat ingeroosterd op een dag waarop u niet kunt: {0}. U blijft daarvoor verantwoordelijk; vraag vervanging.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/unavailability.py" line="109"/>
        <source>Saved. The roster will not seat you on these days.</source>
        <translation>Opgeslagen. Op deze dagen wordt u niet ingeroosterd.</translation>
    </message>
    <message>
        <location filename="../../console/ui/roster/unavailability.py" line="137"/>
        <source>This date is already in the list.</source>
        <translation>Deze datum staat al in de lijst.</translation>
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
