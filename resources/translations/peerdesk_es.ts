<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AboutBox</name>
    <message>
        <location filename="../../peerdesk/ui/help_dialogs.py" line="+70"/>
        <source>About PeerDesk</source>
        <translation>Acerca de PeerDesk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;PeerDesk {0}&lt;/b&gt;&lt;br&gt;A private journal and program reports for workplace peer-support programs.</source>
        <translation>&lt;b&gt;PeerDesk {0}&lt;/b&gt;&lt;br&gt;Un diario privado e informes para programas de apoyo entre compañeros en el trabajo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;p&gt;&lt;b&gt;Your journal&lt;/b&gt; is one encrypted file on this computer:&lt;br&gt;{0}&lt;br&gt;Sessions, drafts, the referral directory, training progress, imported summaries and settings are all inside it, encrypted with your passphrase.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Automatic backups&lt;/b&gt; are encrypted copies in:&lt;br&gt;{1}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Window size and position and the interface language&lt;/b&gt; are kept in:&lt;br&gt;{2}&lt;br&gt;and, only if you read the guides without a journal, which ones you completed (never your answers) in:&lt;br&gt;{3}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Nothing leaves this computer&lt;/b&gt; unless you export it yourself: summaries contain no names, notes, peer codes or exact dates, and only sessions the person agreed to count. PeerDesk never connects to a network.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Tu diario&lt;/b&gt; es un único archivo cifrado en este ordenador:&lt;br&gt;{0}&lt;br&gt;Las sesiones, los borradores, el directorio de derivación, el progreso de formación, los resúmenes importados y los ajustes están dentro, cifrados con tu frase de contraseña.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Las copias de seguridad automáticas&lt;/b&gt; son copias cifradas en:&lt;br&gt;{1}&lt;/p&gt;&lt;p&gt;&lt;b&gt;El tamaño y la posición de la ventana y el idioma de la interfaz&lt;/b&gt; se guardan en:&lt;br&gt;{2}&lt;br&gt;y, solo si lees las guías sin un diario, cuáles has completado (nunca tus respuestas) en:&lt;br&gt;{3}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Nada sale de este ordenador&lt;/b&gt; salvo que lo exportes tú: los resúmenes no contienen nombres, notas, códigos de persona ni fechas exactas, y solo incluyen las sesiones que la persona aceptó contar. PeerDesk nunca se conecta a una red.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <location filename="../../peerdesk/ui/tasks.py" line="+102"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>PeerDesk</source>
        <translation>PeerDesk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unexpected error</source>
        <translation>Error inesperado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong that PeerDesk did not expect. Nothing further was written. Details: {0}</source>
        <translation>Algo ha fallado de una forma que PeerDesk no esperaba. No se ha escrito nada más. Detalles: {0}</translation>
    </message>
</context>
<context>
    <name>BackupDialogs</name>
    <message>
        <location filename="../../peerdesk/ui/security/backup_dialogs.py" line="+51"/>
        <source>Back up the journal to…</source>
        <translation>Hacer una copia de seguridad del diario en…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PeerDesk backups (*.peerdesk);;All files (*)</source>
        <translation>Copias de seguridad de PeerDesk (*.peerdesk);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Backup saved</source>
        <translation>Copia de seguridad guardada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An encrypted backup was saved to {0}. It opens with your current passphrase.</source>
        <translation>Se guardó una copia de seguridad cifrada en {0}. Se abre con tu frase de contraseña actual.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backing up…</source>
        <translation>Haciendo la copia de seguridad…</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Restore from backup</source>
        <translation>Restaurar desde una copia de seguridad</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restoring from backup…</source>
        <translation>Restaurando desde la copia de seguridad…</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../../peerdesk/ui/security/passphrase_dialog.py" line="+35"/>
        <location line="+34"/>
        <source>Change passphrase</source>
        <translation>Cambiar la frase de contraseña</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Only the lock on the journal&apos;s key changes, so this is instant. If anything interrupts it — even a power cut — the journal opens with the old or the new passphrase. PeerDesk&apos;s automatic backups follow the new passphrase; backups you saved elsewhere still open with the passphrase they were made with.</source>
        <translation>Solo cambia el candado de la clave del diario, así que es instantáneo. Si algo lo interrumpe —incluso un corte de luz—, el diario se abre con la frase antigua o con la nueva. Las copias de seguridad automáticas de PeerDesk pasan a la nueva frase; las copias que guardaste en otro sitio se siguen abriendo con la frase con la que se hicieron.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The journal is re-encrypted with the new passphrase. If anything interrupts it — even a power cut — the journal still opens with the old or the new one. Automatic backups are made again with the new passphrase; copies you saved elsewhere keep the old one.</source>
        <translation>El diario se vuelve a cifrar con la nueva frase de contraseña. Si algo lo interrumpe —incluso un corte de luz—, el diario seguirá abriéndose con la antigua o con la nueva. Las copias de seguridad automáticas se vuelven a hacer con la nueva frase; las copias que hayas guardado en otro sitio conservan la antigua.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Current passphrase</source>
        <translation>Frase de contraseña actual</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat new passphrase</source>
        <translation>Repite la nueva frase de contraseña</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Current passphrase:</source>
        <translation>Frase &amp;actual:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Nueva frase:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat new passphrase:</source>
        <translation>&amp;Repite la nueva frase:</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>A few unrelated words make a strong passphrase.</source>
        <translation>Unas cuantas palabras sin relación entre sí forman una frase de contraseña segura.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two new passphrases differ.</source>
        <translation>Las dos frases nuevas no coinciden.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Changing the passphrase…</source>
        <translation>Cambiando la frase de contraseña…</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../peerdesk/ui/program/charts.py" line="+316"/>
        <source>{0} chart</source>
        <translation>Gráfico de {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0} table</source>
        <translation>Tabla de {0}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Chart</source>
        <translation>Gráfico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table</source>
        <translation>Tabla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}: chart or table</source>
        <translation>{0}: gráfico o tabla</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Values shown as &lt;{0} are small counts, drawn as 0 — see the Table tab.</source>
        <translation>Los valores mostrados como &lt;{0} son recuentos pequeños y se dibujan como 0; consulta la pestaña Tabla.</translation>
    </message>
</context>
<context>
    <name>ChooseFilePage</name>
    <message>
        <location filename="../../peerdesk/ui/journal/csv_wizard.py" line="+58"/>
        <source>Choose your contact log</source>
        <translation>Elige tu registro de contactos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A CSV file with one session per row and a header row that names the columns.</source>
        <translation>Un archivo CSV con una sesión por fila y una fila de encabezado que da nombre a las columnas.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>CSV file</source>
        <translation>Archivo CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>/path/to/contact-log.csv</source>
        <translation>/ruta/al/registro-de-contactos.csv</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Columns are found by name, in any order. Required: {0}. Coded columns (channel, behaviours, …) accept the code or its label; separate several values with &apos;;&apos;. Nothing is added until you have seen a preview, and then only if every row is good. Other columns it reads: {1}.</source>
        <translation>Las columnas se reconocen por su nombre, en cualquier orden. Obligatorias: {0}. Las columnas codificadas (medio, conductas, …) aceptan el código o su etiqueta en inglés; separa varios valores con «;». No se añade nada hasta que hayas visto una vista previa, y solo si todas las filas son correctas. Otras columnas que lee: {1}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>B&amp;rowse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the CSV file</source>
        <translation>Elegir el archivo CSV</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;File:</source>
        <translation>Arc&amp;hivo:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Keep peer codes that look like names, e-mail addresses or phone numbers</source>
        <translation>&amp;Mantener los códigos de persona que parecen nombres, correos electrónicos o teléfonos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only if you are sure they identify no one. Otherwise each such row is listed as a problem so you can replace the code.</source>
        <translation>Solo si tienes la seguridad de que no identifican a nadie. Si no, cada una de esas filas se indica como un problema para que puedas sustituir el código.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose a contact log</source>
        <translation>Elige un registro de contactos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv *.txt)</source>
        <translation>Archivos CSV (*.csv *.txt)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>ConflictChoice</name>
    <message>
        <location filename="../../peerdesk/ui/referrals/dialogs.py" line="+243"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What they offer</source>
        <translation>Qué ofrecen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When to refer</source>
        <translation>Cuándo derivar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region / site</source>
        <translation>Región / centro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confidentiality</source>
        <translation>Confidencialidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last verified</source>
        <translation>Última verificación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs local details</source>
        <translation>Faltan datos locales</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Yours (edited here)</source>
        <translation>La tuya (editada aquí)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the pack</source>
        <translation>En el paquete</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Keep mine</source>
        <translation>Conservar la mía</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep my version of {0}</source>
        <translation>Conservar mi versión de {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the pack&apos;s</source>
        <translation>Usar la del paquete</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take the pack&apos;s version of {0}</source>
        <translation>Usar la versión del paquete de {0}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Confidential</source>
        <translation>Confidencial</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>May be obliged to act</source>
        <translation>Puede estar obligado a actuar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>CreateJournalPage</name>
    <message>
        <location filename="../../peerdesk/ui/start_screen.py" line="+126"/>
        <source>Create your journal</source>
        <translation>Crea tu diario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PeerDesk keeps your support sessions in one encrypted file on this computer. Choose a passphrase to lock it.</source>
        <translation>PeerDesk guarda tus sesiones de apoyo en un único archivo cifrado en este ordenador. Elige una frase de contraseña para protegerlo.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat passphrase</source>
        <translation>Repite la frase de contraseña</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Repetir:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Create journal</source>
        <translation>Crear diario</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The journal will be saved as {0}</source>
        <translation>El diario se guardará como {0}</translation>
    </message>
    <message>
        <location line="-44"/>
        <location line="+53"/>
        <source>A few unrelated words make a strong passphrase.</source>
        <translation>Unas cuantas palabras sin relación entre sí forman una frase de contraseña segura.</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>&lt;b&gt;Write your passphrase down somewhere safe.&lt;/b&gt; If you forget it, only the recovery kit offered next opens this journal again — nobody else can: not PeerDesk, not your coordinator, not IT.</source>
        <translation>&lt;b&gt;Anota tu frase de contraseña en un lugar seguro.&lt;/b&gt; Si la olvidas, solo el kit de recuperación que se te ofrece a continuación vuelve a abrir este diario; nadie más puede: ni PeerDesk, ni tu coordinador, ni el servicio informático.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
</context>
<context>
    <name>CsvImportWizard</name>
    <message>
        <location filename="../../peerdesk/ui/journal/csv_wizard.py" line="+218"/>
        <source>Import contact log (CSV)</source>
        <translation>Importar registro de contactos (CSV)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
</context>
<context>
    <name>EditorSections</name>
    <message>
        <location filename="../../peerdesk/ui/journal/editor_sections.py" line="+95"/>
        <source>When and how</source>
        <translation>Cuándo y cómo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start time (optional)</source>
        <translation>Hora de inicio (opcional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hh:mm</source>
        <translation>hh:mm</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Duration in minutes</source>
        <translation>Duración en minutos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Number present</source>
        <translation>Número de asistentes</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+84"/>
        <location line="+48"/>
        <location line="+127"/>
        <source>— not recorded —</source>
        <translation>— sin registrar —</translation>
    </message>
    <message>
        <location line="-252"/>
        <source>T&amp;ime:</source>
        <translation>&amp;Hora:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Length:</source>
        <translation>Dura&amp;ción:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Number present:</source>
        <translation>Asistentes:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;ontact:</source>
        <translation>C&amp;ontacto:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;How you talked:</source>
        <translation>Cómo ha&amp;blaron:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How it &amp;came about:</source>
        <translation>Cómo s&amp;urgió:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Peer</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Peer code</source>
        <translation>Código de persona</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>a pseudonym, never a name</source>
        <translation>un seudónimo, nunca un nombre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gen&amp;erate</source>
        <translation>G&amp;enerar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Generate a peer code</source>
        <translation>Generar un código de persona</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>It is not a name: keep this code</source>
        <translation>No es un nombre: mantener este código</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep this peer code: it identifies no one</source>
        <translation>Mantener este código de persona: no identifica a nadie</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pee&amp;r code:</source>
        <translation>Código de pe&amp;rsona:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>What is happening</source>
        <translation>Qué está pasando</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>— not said —</source>
        <translation>— no lo dijo —</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Behaviour:</source>
        <translation>Con&amp;ducta:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How long:</source>
        <translation>Cuánto tiempo:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Who it comes from:</source>
        <translation>De &amp;quién viene:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I&amp;mpact:</source>
        <translation>I&amp;mpacto:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Safety</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>S&amp;afety concerns:</source>
        <translation>Preocu&amp;paciones de seguridad:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Support and next steps</source>
        <translation>Apoyo y siguientes pasos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Support gi&amp;ven:</source>
        <translation>Apo&amp;yo dado:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Re&amp;ferred to:</source>
        <translation>Deri&amp;vado a:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ne&amp;xt step:</source>
        <translation>Sigu&amp;iente paso:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Follow &amp;up on</source>
        <translation>Seguimiento e&amp;l</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan a follow-up</source>
        <translation>Planificar un seguimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up date</source>
        <translation>Fecha de seguimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow-up done</source>
        <translation>Seguimiento hecho</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Follow-up:</source>
        <translation>Seguimiento:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Not in the directory, by type:</source>
        <translation>Fuera del directorio, por tipo:</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Did they agree that this contact may be counted in the program&apos;s de-identified statistics?</source>
        <translation>¿Aceptó que este contacto se cuente en las estadísticas anonimizadas del programa?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Yes, it may be counted</source>
        <translation>&amp;Sí, puede contarse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Consent to be counted: yes</source>
        <translation>Consentimiento para contarla: sí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No, don&apos;t count it</source>
        <translation>&amp;No, no contarla</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Consent to be counted: no</source>
        <translation>Consentimiento para contarla: no</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>I know the people involved (conflict of interest)</source>
        <translation>Conozco a las personas implicadas (conflicto de interés)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Conflict of interest</source>
        <translation>Conflicto de interés</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Organisation unit</source>
        <translation>Unidad de la organización</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Or&amp;ganisation unit:</source>
        <translation>Unidad de la organi&amp;zación:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Private notes (never exported)</source>
        <translation>Notas privadas (nunca se exportan)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What was said, what you agreed, what to remember next time.</source>
        <translation>Lo que se dijo, lo que acordaron, lo que conviene recordar la próxima vez.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Private reflection</source>
        <translation>Reflexión privada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How this left you feeling — for your own wellbeing.</source>
        <translation>Cómo te has quedado después: para tu propio bienestar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No&amp;tes:</source>
        <translation>Not&amp;as:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reflection:</source>
        <translation>Reflexión:</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../peerdesk/ui/program/workspace.py" line="+85"/>
        <source>No program data yet</source>
        <translation>Todavía no hay datos del programa</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Supporters export a de-identified summary from their journal each month and send you the file. Import those files here and the dashboard fills in: contacts, the kinds of behaviour reported, referrals and next steps, across the whole program.&lt;br&gt;&lt;br&gt;Summaries never contain names, notes, peer codes or exact dates. Importing the same file twice changes nothing.</source>
        <translation>Cada mes, las personas de apoyo exportan un resumen anonimizado de su diario y te envían el archivo. Importa esos archivos aquí y el panel se irá completando: contactos, tipos de conducta descritos, derivaciones y siguientes pasos, en todo el programa.&lt;br&gt;&lt;br&gt;Los resúmenes nunca contienen nombres, notas, códigos de persona ni fechas exactas. Importar dos veces el mismo archivo no cambia nada.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import summaries…</source>
        <translation>Importar resúmenes…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import summary files</source>
        <translation>Importar archivos de resumen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>…or drop summary files (.json) anywhere on this page.</source>
        <translation>…o suelta archivos de resumen (.json) en cualquier parte de esta página.</translation>
    </message>
</context>
<context>
    <name>EscalationChecklist</name>
    <message>
        <location filename="../../peerdesk/ui/journal/escalation.py" line="+25"/>
        <source>Escalation checklist</source>
        <translation>Lista de escalado</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Safety first — do these now</source>
        <translation>Primero la seguridad: haz esto ahora</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add the crisis line and emergency number…</source>
        <translation>Añadir la línea de crisis y el número de emergencias…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>not set — &lt;a href=&apos;#add&apos;&gt;add it&lt;/a&gt;</source>
        <translation>sin indicar — &lt;a href=&apos;#add&apos;&gt;añádelo&lt;/a&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>If there is immediate danger, call the local emergency number or the crisis line.</source>
        <translation>Si hay un peligro inmediato, llama al número local de emergencias o a la línea de crisis.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>If there is immediate danger, call the local emergency number (&lt;b&gt;{0}&lt;/b&gt;) or the crisis line (&lt;b&gt;{1}&lt;/b&gt;).</source>
        <translation>Si hay un peligro inmediato, llama al número local de emergencias (&lt;b&gt;{0}&lt;/b&gt;) o a la línea de crisis (&lt;b&gt;{1}&lt;/b&gt;).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ask directly about their safety right now.</source>
        <translation>Pregunta directamente por su seguridad en este momento.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stay with the person; do not leave them alone if they are at risk.</source>
        <translation>Quédate con la persona; no la dejes sola si está en riesgo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do not promise to keep this secret.</source>
        <translation>No prometas guardar el secreto.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inform your program&apos;s designated contact, following your escalation procedure.</source>
        <translation>Informa a la persona de contacto designada por tu programa, siguiendo tu procedimiento de escalado.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record what was done in the notes.</source>
        <translation>Anota en las notas lo que se hizo.</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Open the guide “Responding to risk”</source>
        <translation>Abrir la guía «Responder al riesgo»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the guide Responding to risk</source>
        <translation>Abrir la guía Responder al riesgo</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../peerdesk/ui/exchange/export_dialog.py" line="+181"/>
        <source>Never exported</source>
        <translation>Nunca se exporta</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Supporter alias (optional)</source>
        <translation>Alias de la persona de apoyo (opcional)</translation>
    </message>
    <message>
        <location line="-100"/>
        <location line="+1"/>
        <source>Export a summary for your coordinator</source>
        <translation>Exportar un resumen para tu coordinador</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This makes a signed file for your program coordinator. Per calendar month it holds only counts of the sessions where the person agreed to be counted — never a single session, a note, a peer code or a date. Every month that changed since your last export is sent again, so the coordinator&apos;s figures match your journal.</source>
        <translation>Esto crea un archivo firmado para la persona que coordina tu programa. Por cada mes natural contiene solo recuentos de las sesiones en las que la persona aceptó que se contaran: nunca una sesión concreta, una nota, un código de persona ni una fecha. Cada mes que cambió desde tu última exportación se envía de nuevo, para que las cifras de la coordinación coincidan con tu diario.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Months that will be sent</source>
        <translation>Meses que se enviarán</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Every count the selected month sends</source>
        <translation>Todos los recuentos que envía el mes seleccionado</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+188"/>
        <source>Select a month to see every count it sends.</source>
        <translation>Selecciona un mes para ver todos los recuentos que envía.</translation>
    </message>
    <message>
        <location line="-171"/>
        <source>Not counted</source>
        <translation>No contadas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;ul style=&apos;margin-left:-20px&apos;&gt;&lt;li&gt;any single session: only counts per month leave&lt;/li&gt;&lt;li&gt;notes, reflections, or anything else you typed&lt;/li&gt;&lt;li&gt;peer codes and names: people are counted here, in your journal&lt;/li&gt;&lt;li&gt;dates, weeks and times: only the month&lt;/li&gt;&lt;li&gt;exact length or group size: only ranges&lt;/li&gt;&lt;li&gt;whether you know the people involved, and your directory entries&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;ul style=&apos;margin-left:-20px&apos;&gt;&lt;li&gt;ninguna sesión concreta: solo salen recuentos por mes&lt;/li&gt;&lt;li&gt;notas, reflexiones o cualquier otra cosa que escribiste&lt;/li&gt;&lt;li&gt;códigos de persona y nombres: las personas se cuentan aquí, en tu diario&lt;/li&gt;&lt;li&gt;fechas, semanas y horas: solo el mes&lt;/li&gt;&lt;li&gt;duración o tamaño de grupo exactos: solo intervalos&lt;/li&gt;&lt;li&gt;si conoces a las personas implicadas, y tus entradas del directorio&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>a short label such as &apos;finance-2&apos;, never a name — optional</source>
        <translation>una etiqueta corta como &apos;finanzas-2&apos;, nunca un nombre (opcional)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your key&apos;s fingerprint: &lt;b&gt;{0}&lt;/b&gt; — read it to your coordinator when they import your first file.</source>
        <translation>Huella de tu clave: &lt;b&gt;{0}&lt;/b&gt;. Léesela a tu coordinador cuando importe tu primer archivo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your &amp;alias in the file:</source>
        <translation>Tu &amp;alias en el archivo:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your organisation unit (optional)</source>
        <translation>Tu unidad (opcional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(not given)</source>
        <translation>(sin indicar)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your &amp;unit:</source>
        <translation>Tu &amp;unidad:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Save…</source>
        <translation>&amp;Guardar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the summary file</source>
        <translation>Guardar el archivo de resumen</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Nothing changed since your last export: there is nothing to send.</source>
        <translation>Nada cambió desde tu última exportación: no hay nada que enviar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 month will be sent:</source>
        <translation>Se enviará 1 mes:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} months will be sent:</source>
        <translation>Se enviarán {0} meses:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(1 unchanged month is not sent again)</source>
        <translation>(1 mes sin cambios no se vuelve a enviar)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>({0} unchanged months are not sent again)</source>
        <translation>({0} meses sin cambios no se vuelven a enviar)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>1 session dated outside the months a summary holds</source>
        <translation>1 sesión con fecha fuera de los meses que admite un resumen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} sessions dated outside the months a summary holds</source>
        <translation>{0} sesiones con fecha fuera de los meses que admite un resumen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Every count sent for {0}:</source>
        <translation>Todos los recuentos que se envían de {0}:</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Summary not saved</source>
        <translation>Resumen no guardado</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Months sent: {0}. Saved to {1}. Give this file to your program coordinator.</source>
        <translation>Meses enviados: {0}. Guardado en {1}. Entrega este archivo a la persona que coordina tu programa.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Signing the summary…</source>
        <translation>Firmando el resumen…</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>Reading your journal…</source>
        <translation>Leyendo tu diario…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Preparing the summary…</source>
        <translation>Preparando el resumen…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The summary could not be prepared.</source>
        <translation>No se pudo preparar el resumen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>1 session: the person did not agree to be counted</source>
        <translation>1 sesión: la persona no aceptó que se contara</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} sessions: the person did not agree to be counted</source>
        <translation>{0} sesiones: la persona no aceptó que se contaran</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>1 unsaved draft — save it in the journal to include it</source>
        <translation>1 borrador sin guardar: guárdalo en el diario para incluirlo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} unsaved drafts — save them in the journal to include them</source>
        <translation>{0} borradores sin guardar: guárdalos en el diario para incluirlos</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Save the summary</source>
        <translation>Guardar el resumen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PeerDesk summaries (*.json)</source>
        <translation>Resúmenes de PeerDesk (*.json)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Summary saved</source>
        <translation>Resumen guardado</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The summary was not saved</source>
        <translation>El resumen no se ha guardado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unexpected error</source>
        <translation>Error inesperado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong that PeerDesk did not expect. Nothing was written. Details: {0}</source>
        <translation>Algo ha fallado de una forma que PeerDesk no esperaba. No se ha escrito nada. Detalles: {0}</translation>
    </message>
    <message>
        <location filename="../../peerdesk/ui/referrals/dialogs.py" line="+86"/>
        <location line="+44"/>
        <source>Export resource pack</source>
        <translation>Exportar paquete de recursos</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Pack name</source>
        <translation>Nombre del paquete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;All entries ({0})</source>
        <translation>&amp;Todas las entradas ({0})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Selected entries ({0})</source>
        <translation>Entradas &amp;seleccionadas ({0})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>File to write</source>
        <translation>Archivo que se escribirá</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>Exa&amp;minar…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Supporters who import the pack see its name as the origin of each entry. Packs hold directory entries only, never sessions.</source>
        <translation>Las personas de apoyo que importen el paquete verán su nombre como origen de cada entrada. Los paquetes solo contienen entradas del directorio, nunca sesiones.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pack &amp;name:</source>
        <translation>&amp;Nombre del paquete:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Include:</source>
        <translation>Incluir:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Resource packs (*.json)</source>
        <translation>Paquetes de recursos (*.json)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../peerdesk/ui/journal/filters.py" line="+47"/>
        <source>Search sessions</source>
        <translation>Buscar sesiones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search notes, peer codes and labels  (Ctrl+F)</source>
        <translation>Buscar en notas, códigos de persona y etiquetas  (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Date range</source>
        <translation>Intervalo de fechas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any date</source>
        <translation>Cualquier fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 3 months</source>
        <translation>Últimos 3 meses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This year</source>
        <translation>Este año</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Between…</source>
        <translation>Entre…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From date</source>
        <translation>Fecha inicial</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To date</source>
        <translation>Fecha final</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Behaviour</source>
        <translation>Conducta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any behaviour</source>
        <translation>Cualquier conducta</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How you talked</source>
        <translation>Cómo hablaron</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any channel</source>
        <translation>Cualquier medio</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Consent to be counted</source>
        <translation>Consentimiento para contarla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counted or not</source>
        <translation>Contadas o no</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counted (consent)</source>
        <translation>Contadas (con consentimiento)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not counted</source>
        <translation>No contadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up d&amp;ue</source>
        <translation>Seg&amp;uimiento pendiente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only sessions with a follow-up due</source>
        <translation>Solo sesiones con un seguimiento pendiente</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear filters</source>
        <translation>Quitar filtros</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear search and filters</source>
        <translation>Borrar la búsqueda y los filtros</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../peerdesk/ui/guides/browser.py" line="+88"/>
        <location line="+1"/>
        <source>Find in page</source>
        <translation>Buscar en la página</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>Coincidencia anterior (Mayús+Intro)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+24"/>
        <source>Previous match</source>
        <translation>Coincidencia anterior</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next match (Enter)</source>
        <translation>Coincidencia siguiente (Intro)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next match</source>
        <translation>Coincidencia siguiente</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>Close find</source>
        <translation>Cerrar la búsqueda</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Find:</source>
        <translation>Buscar:</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>No matches</source>
        <translation>Sin coincidencias</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} of {1}</source>
        <translation>{0} de {1}</translation>
    </message>
</context>
<context>
    <name>FollowUpsWorkspace</name>
    <message>
        <location filename="../../peerdesk/ui/journal/follow_ups.py" line="+67"/>
        <location line="+69"/>
        <source>Follow-ups</source>
        <translation>Seguimientos</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Follow up on</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Peer code</source>
        <translation>Código de persona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What is happening</source>
        <translation>Qué está pasando</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nothing to follow up.
When you plan a follow-up in a session, it shows up here.</source>
        <translation>No hay nada pendiente de seguimiento.
Cuando planifiques un seguimiento en una sesión, aparecerá aquí.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mark &amp;done</source>
        <translation>Marcar como &amp;hecho</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark the selected follow-up done</source>
        <translation>Marcar como hecho el seguimiento seleccionado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark done (Ctrl+D)</source>
        <translation>Marcar como hecho (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open session</source>
        <translation>&amp;Abrir sesión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the selected session</source>
        <translation>Abrir la sesión seleccionada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the session (Enter)</source>
        <translation>Abrir la sesión (Intro)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Enter opens the session · Ctrl+D marks the follow-up done</source>
        <translation>Intro abre la sesión · Ctrl+D marca el seguimiento como hecho</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Overdue</source>
        <translation>Atrasados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due today</source>
        <translation>Para hoy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Upcoming</source>
        <translation>Próximos</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{0} more not listed here: the journal list with “Follow-up due” ticked shows every one</source>
        <translation>{0} más que no aparecen aquí: la lista del diario con «Seguimiento pendiente» marcado los muestra todos</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{0} due now · {1} coming up</source>
        <translation>{0} pendientes ahora · {1} próximos</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>1 day overdue</source>
        <translation>1 día de retraso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} days overdue</source>
        <translation>{0} días de retraso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tomorrow</source>
        <translation>mañana</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in {0} days</source>
        <translation>dentro de {0} días</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(no peer code)</source>
        <translation>(sin código de persona)</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Not changed</source>
        <translation>Sin cambios</translation>
    </message>
</context>
<context>
    <name>GuideBrowser</name>
    <message>
        <location filename="../../peerdesk/ui/guides/browser.py" line="+84"/>
        <source>← Back</source>
        <translation>← Atrás</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back (Alt+Left)</source>
        <translation>Atrás (Alt+Izquierda)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+184"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location line="-181"/>
        <source>Forward →</source>
        <translation>Adelante →</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward (Alt+Right)</source>
        <translation>Adelante (Alt+Derecha)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+181"/>
        <source>Forward</source>
        <translation>Adelante</translation>
    </message>
    <message>
        <location line="-177"/>
        <source>Search all guides and scenarios, e.g. “manager is the bully” (Ctrl+K)</source>
        <translation>Buscar en todas las guías y casos prácticos, p. ej., «el acosador es mi jefe» (Ctrl+K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search guides and scenarios</source>
        <translation>Buscar guías y casos prácticos</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>You are reading without a journal: your progress and answers are not stored. Unlock or create a journal to keep them.</source>
        <translation>Estás leyendo sin un diario: tu progreso y tus respuestas no se guardan. Desbloquea o crea un diario para conservarlos.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You are reading without a journal: which guides you completed is kept on this computer, but your answers are not. Create a journal to keep your answers: your progress moves into it.</source>
        <translation>Estás leyendo sin un diario: las guías que completes se guardan en este ordenador, pero tus respuestas no. Crea un diario para guardar tus respuestas: tu progreso pasará a él.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Guides and scenarios</source>
        <translation>Guías y casos prácticos</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Trainee path</source>
        <translation>Itinerario de formación</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+372"/>
        <source>Supporter reference</source>
        <translation>Referencia para personas de apoyo</translation>
    </message>
    <message>
        <location line="-371"/>
        <source>Coordinator</source>
        <translation>Coordinación</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Practice scenarios</source>
        <translation>Casos prácticos</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Trainee path completed</source>
        <translation>Itinerario de formación completado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scenarios completed</source>
        <translation>Casos prácticos completados</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Print training record…</source>
        <translation>Imprimir el registro de formación…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print training record</source>
        <translation>Imprimir el registro de formación</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Guide text</source>
        <translation>Texto de la guía</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+4"/>
        <location line="+86"/>
        <location line="+110"/>
        <source>Mark as completed</source>
        <translation>Marcar como completada</translation>
    </message>
    <message>
        <location line="-197"/>
        <source>Mark as completed (Ctrl+D)</source>
        <translation>Marcar como completada (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next in this track</source>
        <translation>Siguiente en este itinerario</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <location line="+39"/>
        <source>On this page</source>
        <translation>En esta página</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;b&gt;On this page&lt;/b&gt;</source>
        <translation>&lt;b&gt;En esta página&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Find in page</source>
        <translation>Buscar en la página</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Search guides</source>
        <translation>Buscar guías</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>✓ Completed</source>
        <translation>✓ Completada</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Next: {0} →</source>
        <translation>Siguiente: {0} →</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>{0} min read</source>
        <translation>{0} min de lectura</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trainee path, step {0} of {1}</source>
        <translation>Itinerario de formación, paso {0} de {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For coordinators</source>
        <translation>Para coordinación</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Practice scenario {0} of {1}</source>
        <translation>Caso práctico {0} de {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>starter</source>
        <translation>inicial</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>intermediate</source>
        <translation>intermedio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>advanced</source>
        <translation>avanzado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>✓ completed on {0}</source>
        <translation>✓ completado el {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A response to avoid</source>
        <translation>Una respuesta que evitar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Response {0}</source>
        <translation>Respuesta {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Situation</source>
        <translation>Situación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What your colleague says</source>
        <translation>Lo que dice tu compañero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reflection questions</source>
        <translation>Preguntas para reflexionar</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Related guides</source>
        <translation>Guías relacionadas</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Write your own answer in the box below first, then choose “Show example responses” to compare.</source>
        <translation>Escribe primero tu propia respuesta en el cuadro de abajo y después elige «Mostrar respuestas de ejemplo» para comparar.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>This is not legal, medical or clinical advice.</source>
        <translation>Esto no es asesoramiento jurídico, médico ni clínico.</translation>
    </message>
    <message>
        <location line="-58"/>
        <location line="+70"/>
        <source>Example responses</source>
        <translation>Respuestas de ejemplo</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Guide</source>
        <translation>Guía</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Practice scenario</source>
        <translation>Caso práctico</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{0} results for “{1}”</source>
        <translation>{0} resultados para «{1}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing found for “{0}”. Try other words, such as “manager”, “notes” or “referral”.</source>
        <translation>No se encontró nada para «{0}». Prueba con otras palabras, como «responsable», «notas» o «derivación».</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reading time</source>
        <translation>Tiempo de lectura</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Trainee path: {0}% ({1} of {2} guides)</source>
        <translation>Itinerario de formación: {0} % ({1} de {2} guías)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scenarios: {0}% ({1} of {2})</source>
        <translation>Casos prácticos: {0} % ({1} de {2})</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Save training record</source>
        <translation>Guardar el registro de formación</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Writing the training record…</source>
        <translation>Escribiendo el registro de formación…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved to {0}</source>
        <translation>Guardado en {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Training record</source>
        <translation>Registro de formación</translation>
    </message>
</context>
<context>
    <name>GuideReaderWindow</name>
    <message>
        <location filename="../../peerdesk/ui/guides/standalone.py" line="+21"/>
        <source>PeerDesk guides</source>
        <translation>Guías de PeerDesk</translation>
    </message>
</context>
<context>
    <name>Guides</name>
    <message>
        <location filename="../../peerdesk/ui/declared_strings.py" line="+45"/>
        <source>Trainee path</source>
        <translation>Itinerario de formación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supporter reference</source>
        <translation>Referencia para personas de apoyo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coordinator</source>
        <translation>Coordinación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not legal, medical or clinical advice.</source>
        <translation>Esto no es asesoramiento jurídico, médico ni clínico.</translation>
    </message>
</context>
<context>
    <name>GuidesWorkspace</name>
    <message>
        <location filename="../../peerdesk/ui/guides/workspace.py" line="+24"/>
        <source>Print training record…</source>
        <translation>Imprimir el registro de formación…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Guides</source>
        <translation>Guías</translation>
    </message>
</context>
<context>
    <name>ImportHistoryModel</name>
    <message>
        <location filename="../../peerdesk/ui/program/tables.py" line="+198"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Months</source>
        <translation>Meses</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supporter</source>
        <translation>Persona de apoyo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Months replaced</source>
        <translation>Meses sustituidos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Months kept</source>
        <translation>Meses conservados</translation>
    </message>
</context>
<context>
    <name>ImportResultsDialog</name>
    <message>
        <location filename="../../peerdesk/ui/program/import_dialog.py" line="+41"/>
        <source>1 file imported: {0} supporter months replaced.</source>
        <translation>1 archivo importado: {0} meses de personas de apoyo sustituidos.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{1} files imported: {0} supporter months replaced.</source>
        <translation>{1} archivos importados: {0} meses de personas de apoyo sustituidos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 file was refused and nothing from it was imported — see why below.</source>
        <translation>1 archivo se rechazó y no se importó nada de él; abajo verás el motivo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} files were refused and nothing from them was imported — see why below.</source>
        <translation>{0} archivos se rechazaron y no se importó nada de ellos; abajo verás el motivo.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>This file was already imported on {0}; nothing changed.</source>
        <translation>Este archivo ya se importó el {0}; no cambió nada.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>kept {0}: newer figures were already held</source>
        <translation>se conservó {0}: ya había cifras más recientes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>key enrolled ({0})</source>
        <translation>clave registrada ({0})</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Import results</source>
        <translation>Resultados de la importación</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Import results per file</source>
        <translation>Resultados de la importación por archivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>✖ Refused</source>
        <translation>✖ Rechazado</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Refused files changed nothing. Ask the supporter for a fresh export, or check that the file was not edited or cut short on the way.</source>
        <translation>Los archivos rechazados no cambiaron nada. Pide a la persona de apoyo una exportación nueva, o comprueba que el archivo no se editó ni se cortó por el camino.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Keys to confirm</source>
        <translation>Claves por confirmar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ask each supporter to read the fingerprint shown in their export window. Tick a key only when every digit matches: files signed with it are then counted under that supporter.</source>
        <translation>Pide a cada persona de apoyo que lea la huella que aparece en su ventana de exportación. Marca una clave solo si coinciden todas las cifras: a partir de entonces, los archivos firmados con ella se cuentan a nombre de esa persona.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{0} ({1}) is already enrolled with another key. Re-enrol only if they told you they moved to a new journal.</source>
        <translation>{0} ({1}) ya está registrada con otra clave. Vuelve a registrarla solo si te dijo que pasó a un diario nuevo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} ({1}) is new.</source>
        <translation>{0} ({1}) es nueva.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The fingerprint matches</source>
        <translation>La huella coincide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The fingerprint {0} matches</source>
        <translation>La huella {0} coincide</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Enrol the ticked keys and import again</source>
        <translation>&amp;Registrar las claves marcadas y volver a importar</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>Supporter</source>
        <translation>Persona de apoyo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Months</source>
        <translation>Meses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Imported</source>
        <translation>Importado</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(no alias)</source>
        <translation>(sin alias)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Close import results</source>
        <translation>Cerrar los resultados de la importación</translation>
    </message>
</context>
<context>
    <name>ImportReviewDialog</name>
    <message>
        <location filename="../../peerdesk/ui/referrals/dialogs.py" line="-117"/>
        <source>Import resource pack</source>
        <translation>Importar paquete de recursos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import “{0}”</source>
        <translation>Importar «{0}»</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} new, {1} to update, {2} unchanged.</source>
        <translation>{0} nuevas, {1} por actualizar, {2} sin cambios.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You edited {0} that the pack also changes. Choose, for each, which version to keep. Your version stays unless you choose the pack&apos;s.</source>
        <translation>Editaste {0} que el paquete también cambia. Elige, para cada una, qué versión conservar. Tu versión se mantiene a menos que elijas la del paquete.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 entry</source>
        <translation>1 entrada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} entries</source>
        <translation>{0} entradas</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Entries you edited that the pack changes</source>
        <translation>Entradas que editaste y que el paquete cambia</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep all mine</source>
        <translation>Conservar todas las mías</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take all from pack</source>
        <translation>Usar todas las del paquete</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
</context>
<context>
    <name>IntegrityWatch</name>
    <message>
        <location filename="../../peerdesk/ui/security/integrity_watch.py" line="+93"/>
        <source>Checking the journal…</source>
        <translation>Comprobando el diario…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Checking the journal for damage… You can read everything now; saving, importing and deleting wait until the check is done.</source>
        <translation>Comprobando que el diario no está dañado… Ya puedes leerlo todo; guardar, importar y eliminar esperan a que termine la comprobación.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This journal file is damaged ({0}). It is open read-only, so nothing can make it worse: you can read and copy what is there, but not save. Restore a backup with Journal → Restore from backup…</source>
        <translation>Este archivo del diario está dañado ({0}). Está abierto solo para lectura, para que nada lo empeore: puedes leer y copiar lo que contiene, pero no guardar. Restaura una copia de seguridad con Diario → Restaurar desde copia de seguridad…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Looking for a good backup…</source>
        <translation>Buscando una copia de seguridad válida…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The journal file is damaged</source>
        <translation>El archivo del diario está dañado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The check after unlocking found damage in the journal file, so PeerDesk keeps it read-only. The automatic backup from {0} passed the same check.

Restore that backup? The damaged file is kept aside in the same folder, never overwritten. Changes made after {0} are not in the backup.</source>
        <translation>La comprobación tras desbloquear encontró daños en el archivo del diario, así que PeerDesk lo mantiene solo para lectura. La copia de seguridad automática del {0} superó la misma comprobación.

¿Restaurar esa copia? El archivo dañado se conserva aparte en la misma carpeta, nunca se sobrescribe. Los cambios hechos después del {0} no están en la copia.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restore the backup</source>
        <translation>Restaurar la copia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
</context>
<context>
    <name>JournalWorkspace</name>
    <message>
        <location filename="../../peerdesk/ui/journal/workspace.py" line="+102"/>
        <source>Journal</source>
        <translation>Diario</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+84"/>
        <source>&amp;New session</source>
        <translation>&amp;Nueva sesión</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>New session</source>
        <translation>Nueva sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log a new session (Ctrl+N)</source>
        <translation>Registrar una sesión nueva (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Enter opens · Delete deletes · Ctrl+T peer timeline</source>
        <translation>Intro abre · Supr elimina · Ctrl+T cronología de la persona</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Find sessions</source>
        <translation>&amp;Buscar sesiones</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import contact log (CSV)…</source>
        <translation>&amp;Importar registro de contactos (CSV)…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counting…</source>
        <translation>Contando…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 session matches</source>
        <translation>1 sesión coincide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} sessions match</source>
        <translation>{0} sesiones coinciden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 session in your journal</source>
        <translation>1 sesión en tu diario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} sessions in your journal</source>
        <translation>{0} sesiones en tu diario</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No sessions match the search and filters.</source>
        <translation>Ninguna sesión coincide con la búsqueda y los filtros.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No sessions yet.
Press Ctrl+N to log your first one.</source>
        <translation>Todavía no hay sesiones.
Pulsa Ctrl+N para registrar la primera.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Updating the search index…</source>
        <translation>Actualizando el índice de búsqueda…</translation>
    </message>
    <message>
        <location line="+69"/>
        <location line="+121"/>
        <source>Session not found</source>
        <translation>No se encontró la sesión</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>earlier</source>
        <translation>antes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a new session</source>
        <translation>una sesión nueva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a session</source>
        <translation>una sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsaved draft</source>
        <translation>Borrador sin guardar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PeerDesk kept an unsaved draft of {0} ({1}).</source>
        <translation>PeerDesk conservó un borrador sin guardar de {0} ({1}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restore it to carry on where you left off?</source>
        <translation>¿Quieres recuperarlo para seguir donde lo dejaste?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Restore draft</source>
        <translation>&amp;Recuperar borrador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discard draft</source>
        <translation>&amp;Descartar borrador</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>no peer code</source>
        <translation>sin código de persona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete session</source>
        <translation>Eliminar sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the session of {0} with {1}?</source>
        <translation>¿Eliminar la sesión del {0} con {1}?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Its notes are removed from the journal file for good. This cannot be undone.</source>
        <translation>Sus notas se borran del archivo del diario para siempre. No se puede deshacer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not deleted</source>
        <translation>No se ha eliminado</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../peerdesk/ui/main_window.py" line="+181"/>
        <source>&amp;Journal</source>
        <translation>&amp;Diario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About PeerDesk</source>
        <translation>A&amp;cerca de PeerDesk</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Creating your journal…</source>
        <translation>Creando tu diario…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Unlocking…</source>
        <translation>Desbloqueando…</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Demo data — a throwaway journal with synthetic sessions, deleted when you quit.</source>
        <translation>Datos de demostración: un diario desechable con sesiones ficticias, que se elimina al salir.</translation>
    </message>
    <message>
        <location filename="../../peerdesk/ui/settings_dialog.py" line="+204"/>
        <source>&amp;Settings…</source>
        <translation>A&amp;justes…</translation>
    </message>
    <message>
        <location filename="../../peerdesk/ui/exchange/export_dialog.py" line="+21"/>
        <source>E&amp;xport summary…</source>
        <translation>E&amp;xportar resumen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write a signed summary of your figures for your program coordinator</source>
        <translation>Escribe un resumen firmado de tus cifras para la persona que coordina tu programa</translation>
    </message>
    <message>
        <location filename="../../peerdesk/ui/guides/quick_reference.py" line="+143"/>
        <source>&amp;Quick reference</source>
        <translation>&amp;Referencia rápida</translation>
    </message>
    <message>
        <location filename="../../peerdesk/ui/security/guard.py" line="+317"/>
        <source>&amp;Forgot your passphrase?</source>
        <translation>¿&amp;Olvidaste tu frase de contraseña?</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Passphrase changed</source>
        <translation>Frase de contraseña cambiada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your journal now opens with the new passphrase.</source>
        <translation>Tu diario se abre ahora con la nueva frase de contraseña.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Recovery kit ready</source>
        <translation>Kit de recuperación listo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recovery code now opens your journal. Keep the kit locked away.</source>
        <translation>El código de recuperación abre ahora tu diario. Guarda el kit bajo llave.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Old sessions deleted</source>
        <translation>Sesiones antiguas eliminadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} sessions were deleted for good.</source>
        <translation>Se eliminaron para siempre {0} sesiones.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Change &amp;passphrase…</source>
        <translation>Cambiar la &amp;frase de contraseña…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recovery &amp;kit…</source>
        <translation>&amp;Kit de recuperación…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Back up now…</source>
        <translation>&amp;Hacer copia de seguridad ahora…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Restaurar desde una copia de seguridad…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete old sessions…</source>
        <translation>&amp;Eliminar sesiones antiguas…</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../peerdesk/ui/declared_strings.py" line="+357"/>
        <source>The journal could not be opened: the passphrase is wrong or the file is damaged. Check the passphrase and try again. The file has not been changed.</source>
        <translation>No se pudo abrir el diario: la frase de contraseña es incorrecta o el archivo está dañado. Comprueba la frase de contraseña e inténtalo de nuevo. El archivo no se ha modificado.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The current passphrase is not right. Nothing was changed; try again.</source>
        <translation>La frase de contraseña actual no es correcta. No se ha cambiado nada; inténtalo de nuevo.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The passphrase is empty. Type your passphrase and try again.</source>
        <translation>La frase de contraseña está vacía. Escríbela e inténtalo de nuevo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The passphrase contains a NUL character, which cannot be used.</source>
        <translation>La frase de contraseña contiene un carácter NUL, que no se puede usar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Easy to guess: avoid common words and repeats.</source>
        <translation>Fácil de adivinar: evita palabras comunes y repeticiones.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Weak: make it longer — four unrelated words work well.</source>
        <translation>Débil: alárgala; cuatro palabras sin relación funcionan bien.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fair: another word would make it much stronger.</source>
        <translation>Aceptable: otra palabra la haría mucho más segura.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Strong: hard to guess, still possible to remember.</source>
        <translation>Segura: difícil de adivinar y aún fácil de recordar.</translation>
    </message>
    <message>
        <location line="-420"/>
        <source>Lock after idle minutes</source>
        <translation>Bloquear tras minutos de inactividad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock when minimised</source>
        <translation>Bloquear al minimizar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear copied text after seconds</source>
        <translation>Borrar el texto copiado tras segundos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Organisation units</source>
        <translation>Unidades de la organización</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automatic backups to keep</source>
        <translation>Copias de seguridad automáticas que se conservan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete sessions older than months</source>
        <translation>Eliminar sesiones de hace más de meses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warn on resources unverified for months</source>
        <translation>Avisar de recursos sin verificar durante meses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open at start</source>
        <translation>Abrir al inicio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{problem} (see &apos;{program} --help&apos;)</source>
        <translation>{problem} (consulta &apos;{program} --help&apos;)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No passphrase: set {variable} or run the command in a terminal.</source>
        <translation>No hay frase de contraseña: define {variable} o ejecuta la orden en un terminal.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The two passphrases differ. Nothing was created; try again.</source>
        <translation>Las dos frases de contraseña no coinciden. No se ha creado nada; inténtalo de nuevo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The journal at {path} is damaged ({problem}). Do not write to it; restore your newest backup (the app offers the newest automatic one).</source>
        <translation>El diario de {path} está dañado ({problem}). No escribas en él; restaura tu copia de seguridad más reciente (la aplicación ofrece la automática más reciente).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>demo needs --journal PATH, so synthetic data never lands in your real journal</source>
        <translation>demo necesita --journal RUTA, para que los datos sintéticos nunca acaben en tu diario real</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{problems} problem(s) in {rows} row(s) of {file}; nothing was added. Fix the rows listed above and run the import again.</source>
        <translation>{problems} problema(s) en {rows} fila(s) de {file}; no se ha añadido nada. Corrige las filas indicadas arriba y vuelve a ejecutar la importación.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file} has no sessions below its header; nothing to add.</source>
        <translation>{file} no tiene sesiones debajo del encabezado; no hay nada que añadir.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--since {since} is after --until {until}</source>
        <translation>--since {since} es posterior a --until {until}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>choose an action: &apos;resources export --out FILE&apos; or &apos;resources import FILE&apos;</source>
        <translation>elige una acción: &apos;resources export --out ARCHIVO&apos; o &apos;resources import ARCHIVO&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There are no directory entries to export, so no pack was written. Add entries or change the selection.</source>
        <translation>No hay entradas del directorio que exportar, así que no se ha escrito ningún paquete. Añade entradas o cambia la selección.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown type {type}; use one of: {types}</source>
        <translation>tipo desconocido {type}; usa uno de estos: {types}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The directory has no entry with id {id}. Nothing was written; check the ids (they are shown in the directory&apos;s detail pane).</source>
        <translation>El directorio no tiene ninguna entrada con el id {id}. No se ha escrito nada; comprueba los id (se muestran en el panel de detalle del directorio).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The period starts ({since}) after it ends ({until}). Choose a start on or before the end.</source>
        <translation>El periodo empieza ({since}) después de terminar ({until}). Elige un inicio igual o anterior al final.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{file} was not imported: {problem}.</source>
        <translation>{file} no se importó: {problem}.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Expecting value</source>
        <translation>se esperaba un valor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expecting property name enclosed in double quotes</source>
        <translation>se esperaba un nombre de propiedad entre comillas dobles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expecting &apos;:&apos; delimiter</source>
        <translation>se esperaba el separador &apos;:&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expecting &apos;,&apos; delimiter</source>
        <translation>se esperaba el separador &apos;,&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra data</source>
        <translation>sobran datos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid control character</source>
        <translation>carácter de control no válido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid \escape</source>
        <translation>secuencia de escape \ no válida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid \uXXXX escape</source>
        <translation>secuencia de escape \uXXXX no válida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Illegal trailing comma before end of object</source>
        <translation>coma sobrante antes del final de un objeto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Illegal trailing comma before end of array</source>
        <translation>coma sobrante antes del final de una lista</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location line="-191"/>
        <source>The command stopped: {problem}. Nothing more was written.</source>
        <translation>La orden se detuvo: {problem}. No se escribió nada más.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{path} holds {count} session(s) that the demo did not write; nothing was added. Choose another --journal path for demo data (or add --force if you really mean to mix synthetic sessions into this journal).</source>
        <translation>{path} contiene {count} sesión(es) que no escribió la demostración; no se añadió nada. Elige otra ruta con --journal para los datos de demostración (o añade --force si de verdad quieres mezclar sesiones ficticias en este diario).</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>a whole number</source>
        <translation>un número entero</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <location line="-155"/>
        <source>{where}: {detail}</source>
        <translation>{where}: {detail}</translation>
    </message>
    <message>
        <location line="+268"/>
        <source>it could not be read ({reason})</source>
        <translation>no se pudo leer ({reason})</translation>
    </message>
    <message>
        <location line="-267"/>
        <source>the top level</source>
        <translation>el nivel superior</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where} has a field that summaries do not have: {name}</source>
        <translation>{where} tiene un campo que los resúmenes no tienen: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} has the unknown code {value}</source>
        <translation>{where} tiene el código desconocido {value}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where} has the value {value}, which is not in the expected form</source>
        <translation>{where} tiene el valor {value}, que no tiene la forma esperada</translation>
    </message>
    <message>
        <location line="+263"/>
        <source>the file does not exist</source>
        <translation>el archivo no existe</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>it contains a number too large to represent</source>
        <translation>contiene un número demasiado grande para representarlo</translation>
    </message>
    <message>
        <location line="-277"/>
        <source>{where} is missing the field {name}</source>
        <translation>falta el campo {name} en {where}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>it is not a PeerDesk summary (format is {found}; expected {expected})</source>
        <translation>no es un resumen de PeerDesk (el formato es {found}; se esperaba {expected})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it uses taxonomy version {version}, which this PeerDesk does not know (it knows version {known}). Update PeerDesk to import it</source>
        <translation>usa la versión {version} de la taxonomía, que esta versión de PeerDesk no conoce (conoce la versión {known}). Actualiza PeerDesk para importarlo</translation>
    </message>
    <message>
        <location line="+270"/>
        <source>it is not a file</source>
        <translation>no es un archivo</translation>
    </message>
    <message>
        <location line="-268"/>
        <source>it is larger than {limit} MB</source>
        <translation>ocupa más de {limit} MB</translation>
    </message>
    <message>
        <location line="+260"/>
        <source>you are not allowed to read it</source>
        <translation>no tienes permiso para leerlo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>it is not valid JSON ({reason} at line {line}, column {column})</source>
        <translation>no es JSON válido ({reason} en la línea {line}, columna {column})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is nested too deeply</source>
        <translation>tiene demasiados niveles de anidamiento</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>the file is empty</source>
        <translation>el archivo está vacío</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the file ends too early (it looks truncated or incompletely copied)</source>
        <translation>el archivo termina antes de tiempo (parece recortado o copiado a medias)</translation>
    </message>
    <message>
        <location line="-258"/>
        <source>The folder {folder} does not exist. Choose an existing folder.</source>
        <translation>La carpeta {folder} no existe. Elige una carpeta que exista.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not write {path}: {reason}. Nothing was changed; check there is free space and that the folder is writable.</source>
        <translation>No se pudo escribir {path}: {reason}. No se ha cambiado nada; comprueba que hay espacio libre y que se puede escribir en la carpeta.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not create the folder {folder}: {reason}. Choose a folder you can write to.</source>
        <translation>No se pudo crear la carpeta {folder}: {reason}. Elige una carpeta en la que puedas escribir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}: {problem}. Fix the file and start PeerDesk again.</source>
        <translation>{file}: {problem}. Corrige el archivo y vuelve a iniciar PeerDesk.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the guides folder is missing</source>
        <translation>falta la carpeta de guías</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file cannot be read ({reason})</source>
        <translation>no se puede leer el archivo ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>row {row}: {problem}</source>
        <translation>fila {row}: {problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>row {row}, column &apos;{column}&apos;: {problem}</source>
        <translation>fila {row}, columna &apos;{column}&apos;: {problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file} is {size} MB; the limit is {limit} MB. Split the file and import the parts.</source>
        <translation>{file} ocupa {size} MB; el límite es {limit} MB. Divide el archivo e importa las partes.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file} is not a CSV text file. Choose a .csv file.</source>
        <translation>{file} no es un archivo de texto CSV. Elige un archivo .csv.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a date like 2024-03-31</source>
        <translation>una fecha como 2024-03-31</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a time like 14:30</source>
        <translation>una hora como 14:30</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{file} has no header row. The first row must name the columns, for example: date,consent,channel,notes.</source>
        <translation>{file} no tiene fila de encabezado. La primera fila debe dar nombre a las columnas, por ejemplo: date,consent,channel,notes.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no file at {path}. Check the name and try again.</source>
        <translation>No hay ningún archivo en {path}. Comprueba el nombre e inténtalo de nuevo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not read {path}: {reason}.</source>
        <translation>No se pudo leer {path}: {reason}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file} is not UTF-8 text. Save it from your spreadsheet as &apos;CSV UTF-8&apos; and try again.</source>
        <translation>{file} no es texto UTF-8. Guárdalo desde tu hoja de cálculo como «CSV UTF-8» e inténtalo de nuevo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is outside {low} to {high}.</source>
        <translation>{value} está fuera del intervalo de {low} a {high}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is not yes or no.</source>
        <translation>{value} no es sí ni no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is not one of: {codes} (codes or their labels).</source>
        <translation>{value} no es ninguno de estos: {codes} (los códigos o sus etiquetas en inglés).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is required: write the date like 2024-03-31.</source>
        <translation>es obligatoria: escribe la fecha como 2024-03-31.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{file} is not a readable CSV file ({reason}).</source>
        <translation>{file} no es un archivo CSV legible ({reason}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is not {hint}.</source>
        <translation>{value} no es {hint}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is required: write yes or no.</source>
        <translation>es obligatoria: escribe sí o no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is not one of: {codes} (codes or their labels, separated by &apos;;&apos;).</source>
        <translation>{value} no es ninguno de estos: {codes} (los códigos o sus etiquetas en inglés, separados por «;»).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not a known column. Rename it to one of: {columns}, or remove it.</source>
        <translation>no es una columna conocida. Cámbiale el nombre por uno de estos: {columns}, o elimínala.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>appears twice; keep one.</source>
        <translation>aparece dos veces; deja solo una.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is missing; it is required.</source>
        <translation>falta; es obligatoria.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>has more values ({values}) than the header has columns ({columns}).</source>
        <translation>tiene más valores ({values}) que columnas el encabezado ({columns}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Session {id} is not in the journal (it may have been deleted). Refresh the list and try again.</source>
        <translation>La sesión {id} no está en el diario (puede que se haya eliminado). Actualiza la lista e inténtalo de nuevo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This session is already in the journal; save changes to it instead of adding it again.</source>
        <translation>Esta sesión ya está en el diario; guarda los cambios en ella en lugar de volver a añadirla.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One of these sessions is already in the journal (same summary id); nothing was added.</source>
        <translation>Una de estas sesiones ya está en el diario (mismo id de resumen); no se ha añadido nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{field}&apos; ({attribute}) has the unknown code {code}. Use one of: {codes}.</source>
        <translation>&apos;{field}&apos; ({attribute}) tiene el código desconocido {code}. Usa uno de estos: {codes}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{problem} Nothing was saved.</source>
        <translation>{problem} No se ha guardado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The session has no valid date. Enter a date.</source>
        <translation>La sesión no tiene una fecha válida. Escribe una fecha.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The start time is not a time of day.</source>
        <translation>La hora de inicio no es una hora del día.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The duration ({minutes} minutes) must be a whole number of minutes from 0 to {maximum}.</source>
        <translation>La duración ({minutes} minutos) debe ser un número entero de minutos entre 0 y {maximum}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The group size ({size}) must be a number of people from 2 to {maximum}, or left empty.</source>
        <translation>El tamaño del grupo ({size}) debe ser un número de personas entre 2 y {maximum}, o quedar vacío.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The follow-up date is not a date.</source>
        <translation>La fecha de seguimiento no es una fecha.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} must be a set of codes.</source>
        <translation>{field} debe ser un conjunto de códigos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A referral entry has no id. Pick the referral again.</source>
        <translation>Una entrada de derivación no tiene id. Vuelve a elegir la derivación.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The journal&apos;s rounding key is damaged. Restore the journal from a backup.</source>
        <translation>La clave de redondeo del diario está dañada. Restaura el diario desde una copia de seguridad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The smallest count shown must be at least {minimum} (got {k}); smaller values would let readers single out people. Choose {minimum} or more.</source>
        <translation>El recuento más pequeño que se muestra debe ser al menos {minimum} (se indicó {k}); con valores menores, quien lea podría identificar a personas concretas. Elige {minimum} o más.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>it could not be saved ({reason}). Nothing from it was written; try again</source>
        <translation>no se pudo guardar ({reason}). No se escribió nada de él; vuelve a intentarlo</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Supporters</source>
        <translation>Personas de apoyo</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Supporter {number}</source>
        <translation>Persona de apoyo {number}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Figures for the unit “{unit}” are not shown: it, or the rest of the program beside it, has fewer than {k} supporters, so comparing views could single one out. Choose all units.</source>
        <translation>No se muestran cifras de la unidad «{unit}»: ella, o el resto del programa, tiene menos de {k} personas de apoyo, así que comparar vistas podría identificar a una. Elige todas las unidades.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>phone</source>
        <translation>teléfono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e-mail</source>
        <translation>correo electrónico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>web address</source>
        <translation>dirección web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>place</source>
        <translation>lugar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hours</source>
        <translation>horario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>region or site</source>
        <translation>región o centro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What they offer</source>
        <translation>Qué ofrecen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When to refer</source>
        <translation>Cuándo derivar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The directory has no entry with id {id}; it may have been deleted. Refresh the directory and try again.</source>
        <translation>El directorio no tiene ninguna entrada con el id {id}; puede que se haya eliminado. Actualiza el directorio e inténtalo de nuevo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The entry id {id} is not valid: use 1 to {maximum} letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;:&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>El id de entrada {id} no es válido: usa de 1 a {maximum} letras, dígitos, &apos;.&apos;, &apos;_&apos;, &apos;:&apos; o &apos;-&apos;, empezando por una letra o un dígito.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every directory entry needs a name. Enter a name and save again.</source>
        <translation>Cada entrada del directorio necesita un nombre. Escribe un nombre y vuelve a guardar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name is longer than {maximum} characters; shorten it.</source>
        <translation>El nombre tiene más de {maximum} caracteres; acórtalo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{type} is not a known type of resource. Use one of: {types}.</source>
        <translation>{type} no es un tipo de recurso conocido. Usa uno de estos: {types}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The e-mail of &apos;{name}&apos; does not look like an address (name@example.org); correct it or leave it empty.</source>
        <translation>El correo electrónico de &apos;{name}&apos; no parece una dirección (nombre@ejemplo.org); corrígelo o déjalo vacío.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The web address of &apos;{name}&apos; contains spaces; correct it or leave it empty.</source>
        <translation>La dirección web de &apos;{name}&apos; contiene espacios; corrígela o déjala vacía.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{name}&apos; lists too many or too long languages; keep it short.</source>
        <translation>&apos;{name}&apos; indica demasiados idiomas o idiomas demasiado largos; abrévialo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The {field} of &apos;{name}&apos; is longer than {maximum} characters; shorten it.</source>
        <translation>El campo «{field}» de &apos;{name}&apos; tiene más de {maximum} caracteres; acórtalo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{field}&apos; of &apos;{name}&apos; is longer than {maximum} characters; shorten it.</source>
        <translation>«{field}» de &apos;{name}&apos; tiene más de {maximum} caracteres; acórtalo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a text</source>
        <translation>un texto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>true or false</source>
        <translation>true o false</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an object with keys</source>
        <translation>un objeto con claves</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where}: {problem}</source>
        <translation>{where}: {problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The resource pack {file}</source>
        <translation>El paquete de recursos {file}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown key {keys} at {where}</source>
        <translation>clave desconocida {keys} en {where}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the key {key} is missing at {where}</source>
        <translation>falta la clave {key} en {where}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} at {where} is not one of the known values</source>
        <translation>{value} en {where} no es ninguno de los valores conocidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the pack name &apos;own&apos; is reserved for your own entries</source>
        <translation>el nombre de paquete &apos;own&apos; está reservado para tus propias entradas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} must be {kind}</source>
        <translation>{where} debe ser {kind}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} must be {value}</source>
        <translation>{where} debe ser {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} is longer than {maximum} characters</source>
        <translation>{where} tiene más de {maximum} caracteres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} is empty</source>
        <translation>{where} está vacío</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} has more than {maximum} entries</source>
        <translation>{where} tiene más de {maximum} elementos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: {value} does not have the expected form</source>
        <translation>{where}: {value} no tiene la forma esperada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{source} was not imported: {problem}. Nothing was changed; ask whoever made the pack for a corrected file.</source>
        <translation>{source} no se importó: {problem}. No se ha cambiado nada; pide a quien creó el paquete un archivo corregido.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The resource pack</source>
        <translation>El paquete de recursos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The pack being exported</source>
        <translation>El paquete que se está exportando</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is not a PeerDesk resource pack (no &quot;format&quot;: &quot;{format}&quot;)</source>
        <translation>no es un paquete de recursos de PeerDesk (falta &quot;format&quot;: &quot;{format}&quot;)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its &quot;version&quot; is missing or not a whole number</source>
        <translation>su &quot;version&quot; falta o no es un número entero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{source} was made by a newer version of PeerDesk (pack version {version}; this version reads version {known}). Update PeerDesk to import it. Nothing was changed.</source>
        <translation>{source} se creó con una versión más reciente de PeerDesk (versión del paquete {version}; esta versión lee la versión {known}). Actualiza PeerDesk para importarlo. No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a pack name of 1 to {maximum} characters other than &apos;{reserved}&apos;; supporters see it as the origin of each entry.</source>
        <translation>Elige un nombre de paquete de 1 a {maximum} caracteres distinto de &apos;{reserved}&apos;; las personas de apoyo lo ven como el origen de cada entrada.</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>the key {key} appears twice in one object</source>
        <translation>la clave {key} aparece dos veces en un mismo objeto</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>the id {id} at {where}.id is already used at $.resources[{first}].id</source>
        <translation>el id {id} de {where}.id ya se usa en $.resources[{first}].id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is a folder, not a resource pack file.</source>
        <translation>{path} es una carpeta, no un archivo de paquete de recursos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} could not be read: {reason}.</source>
        <translation>No se pudo leer {path}: {reason}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}.last_verified: {value} is not a real date</source>
        <translation>{where}.last_verified: {value} no es una fecha real</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The directory already has an entry with id {id}. Edit that entry instead.</source>
        <translation>El directorio ya tiene una entrada con el id {id}. Edita esa entrada en su lugar.</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Peer support program</source>
        <translation>Programa de apoyo entre compañeros</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>{first} – {last}</source>
        <translation>{first} – {last}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No data</source>
        <translation>Sin datos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up to {month}</source>
        <translation>Hasta {month}</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Small counts, not broken down</source>
        <translation>Recuentos pequeños, sin desglosar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>table</source>
        <translation>tabla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>row</source>
        <translation>fila</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>column</source>
        <translation>columna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>value</source>
        <translation>valor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headline figures</source>
        <translation>Cifras principales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count</source>
        <translation>Recuento</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>Jan</source>
        <translation>ene</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feb</source>
        <translation>feb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mar</source>
        <translation>mar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apr</source>
        <translation>abr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>May</source>
        <translation>may</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jun</source>
        <translation>jun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jul</source>
        <translation>jul</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aug</source>
        <translation>ago</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sep</source>
        <translation>sept</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oct</source>
        <translation>oct</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nov</source>
        <translation>nov</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dec</source>
        <translation>dic</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{month} {year}</source>
        <translation>{month} {year}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} of {total}</source>
        <translation>{count} de {total}</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People supported</source>
        <translation>Personas atendidas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First contacts</source>
        <translation>Primeros contactos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up contacts</source>
        <translation>Contactos de seguimiento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow-up planned</source>
        <translation>Seguimiento previsto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacts with a referral</source>
        <translation>Contactos con derivación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacts with a safety concern</source>
        <translation>Contactos con una preocupación de seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People considering or making a formal report</source>
        <translation>Personas que valoran o presentan una denuncia formal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contacts per month by channel</source>
        <translation>Contactos por mes y medio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is happening</source>
        <translation>Qué está pasando</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Behaviour</source>
        <translation>Conducta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who the behaviour comes from</source>
        <translation>De quién viene la conducta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comes from</source>
        <translation>Viene de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referrals by type of resource</source>
        <translation>Derivaciones por tipo de recurso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type of resource</source>
        <translation>Tipo de recurso</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Referrals</source>
        <translation>Derivaciones</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The person&apos;s next step</source>
        <translation>El siguiente paso de la persona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next step</source>
        <translation>Siguiente paso</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not recorded</source>
        <translation>No registrado</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>A contact can describe several kinds of behaviour, so the rows add up to more than the number of contacts.</source>
        <translation>Un contacto puede describir varios tipos de conducta, así que las filas suman más que el número de contactos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who the behaviour comes from, as the person described it: the power dynamics behind what people bring to supporters.</source>
        <translation>De quién viene la conducta, según lo describió la persona: las dinámicas de poder detrás de lo que la gente cuenta a las personas de apoyo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacts in which the supporter pointed the person to each type of resource. A contact can include several referrals.</source>
        <translation>Contactos en los que la persona de apoyo orientó a la persona hacia cada tipo de recurso. Un contacto puede incluir varias derivaciones.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the person said they planned to do next.</source>
        <translation>Lo que la persona dijo que pensaba hacer a continuación.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page {page} of {total}</source>
        <translation>Página {page} de {total}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{program} · {period} · Generated on {date} by {app} {version}</source>
        <translation>{program} · {period} · Generado el {date} con {app} {version}</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>All organisation units</source>
        <translation>Todas las unidades de la organización</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>No contacts in this period.</source>
        <translation>No hay contactos en este periodo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Where the figures come from</source>
        <translation>De dónde vienen las cifras</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the summaries never contain</source>
        <translation>Lo que los resúmenes nunca contienen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Generated on {date} by {app} {version}.</source>
        <translation>Generado el {date} con {app} {version}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Laying out the report</source>
        <translation>Maquetando el informe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drawing pages</source>
        <translation>Dibujando las páginas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{program} — program report</source>
        <translation>{program} — informe del programa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saving</source>
        <translation>Guardando</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All contacts in {period}. A person is counted once per supporter: people cannot be linked across supporters, so someone who spoke to two supporters counts twice.</source>
        <translation>Todos los contactos de {period}. Cada persona se cuenta una vez por persona de apoyo: no se puede enlazar a las personas entre personas de apoyo, así que quien habló con dos personas de apoyo cuenta dos veces.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Method note</source>
        <translation>Nota de método</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scope</source>
        <translation>Ámbito</translation>
    </message>
    <message>
        <location line="-266"/>
        <source>Smallest count shown</source>
        <translation>Recuento mínimo que se muestra</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Crisis line</source>
        <translation>Línea de crisis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local emergency number</source>
        <translation>Número local de emergencias</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The recovery slot holds another key.</source>
        <translation>La ranura de recuperación guarda otra clave.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing to read: set {variable} or run the command in a terminal.</source>
        <translation>No hay nada que leer: define {variable} o ejecuta la orden en un terminal.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The two passphrases differ. Nothing was changed; try again.</source>
        <translation>Las dos frases de contraseña no coinciden. No se cambió nada; inténtalo de nuevo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group {groups} does not match the new code. Nothing was changed: the previous code still works. Run the command again.</source>
        <translation>El grupo {groups} no coincide con el código nuevo. No se cambió nada: el código anterior sigue funcionando. Vuelve a ejecutar la orden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new recovery code is stored only once two of its groups are typed back: run the command in a terminal, or add --i-have-written-it-down in a script once the kit is kept safe. Nothing was changed.</source>
        <translation>Un código de recuperación nuevo solo se guarda después de volver a escribir dos de sus grupos: ejecuta la orden en un terminal o, en un script, añade --i-have-written-it-down una vez guardado el kit en un lugar seguro. No se cambió nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No groups were typed back. Nothing was changed: the previous code still works.</source>
        <translation>No se volvió a escribir ningún grupo. No se cambió nada: el código anterior sigue funcionando.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{fingerprint} is not a fingerprint: it has {digits} digits in groups of four</source>
        <translation>{fingerprint} no es una huella: tiene {digits} cifras en grupos de cuatro</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The alias cannot be used: {reason}. {advice}</source>
        <translation>No se puede usar el alias: {reason}. {advice}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it contains control or direction-changing characters</source>
        <translation>contiene caracteres de control o que cambian la dirección del texto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type it again with letters, digits, spaces and dashes only.</source>
        <translation>Vuelve a escribirlo solo con letras, cifras, espacios y guiones.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is longer than {limit} characters</source>
        <translation>tiene más de {limit} caracteres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shorten it.</source>
        <translation>Acórtalo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{alias} looks like a name, an e-mail address or a phone number</source>
        <translation>{alias} parece un nombre, una dirección de correo o un número de teléfono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use a label that identifies no one, such as &apos;finance-2&apos;.</source>
        <translation>Usa una etiqueta que no identifique a nadie, como &apos;finanzas-2&apos;.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Summaries hold months from {lowest} to {highest}; choose months in that range.</source>
        <translation>Los resúmenes admiten meses de {lowest} a {highest}; elige meses dentro de ese intervalo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing changed since the last export: no month needs to be sent, so no file was written.</source>
        <translation>Nada cambió desde la última exportación: no hay que enviar ningún mes, así que no se escribió ningún archivo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The summary would be larger than the coordinator accepts. Export fewer months at a time.</source>
        <translation>El resumen sería más grande de lo que acepta la coordinación. Exporta menos meses cada vez.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The organisation unit {unit} is not on the coordinator&apos;s list (Settings, Export). Choose one from the list or leave it out.</source>
        <translation>La unidad {unit} no está en la lista de la coordinación (Ajustes, Exportación). Elige una de la lista o déjala en blanco.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A session in {month} has a code PeerDesk does not know for &apos;{field}&apos;. Open it in the journal, correct it, and export again.</source>
        <translation>Una sesión de {month} tiene un código que PeerDesk no conoce para &apos;{field}&apos;. Ábrela en el diario, corrígela y vuelve a exportar.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{where} is out of range ({value})</source>
        <translation>{where} está fuera de rango ({value})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} has a value of the wrong type ({value})</source>
        <translation>{where} tiene un valor de tipo incorrecto ({value})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is not a PeerDesk summary (no JSON object at the top level)</source>
        <translation>no es un resumen de PeerDesk (no hay un objeto JSON en el nivel superior)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its version is missing or not a whole number</source>
        <translation>falta su versión o no es un número entero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is summary version {version}, which holds one record per session and is no longer imported. Ask the supporter to export again with the current PeerDesk</source>
        <translation>es un resumen de la versión {version}, que guarda un registro por sesión y ya no se importa. Pide a la persona de apoyo que vuelva a exportar con el PeerDesk actual</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it was made by a newer PeerDesk (summary version {version}; this version reads version {supported}). Update PeerDesk to import it</source>
        <translation>lo creó un PeerDesk más reciente (versión de resumen {version}; esta versión lee la versión {supported}). Actualiza PeerDesk para importarlo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its signature does not match its content: the file was changed after it was signed, or it is not from a PeerDesk journal. Ask the supporter to export it again</source>
        <translation>su firma no coincide con su contenido: el archivo se modificó después de firmarlo o no procede de un diario de PeerDesk. Pide a la persona de apoyo que lo vuelva a exportar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its supporter alias is refused ({reason})</source>
        <translation>se rechaza su alias de persona de apoyo ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} is the month {month}, outside the months summaries hold ({lowest} to {highest})</source>
        <translation>{where} es el mes {month}, fuera de los meses que admiten los resúmenes ({lowest} a {highest})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} repeats the month {month}</source>
        <translation>{where} repite el mes {month}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} says {reason} but counts {contacts} contacts</source>
        <translation>{where} dice {reason} pero cuenta {contacts} contactos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} is the period {period}, outside the months summaries hold ({lowest} to {highest})</source>
        <translation>{where} es el periodo {period}, fuera de los meses que admiten los resúmenes ({lowest} a {highest})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} repeats the period {period}</source>
        <translation>{where} repite el periodo {period}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} counts more people with repeat contacts or a formal report than people</source>
        <translation>{where} cuenta más personas con contactos repetidos o con denuncia formal que personas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}.{key} is more than the month&apos;s contacts</source>
        <translation>{where}.{key} es mayor que los contactos del mes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}.counts.{field} does not add up to the month&apos;s contacts</source>
        <translation>{where}.counts.{field} no suma los contactos del mes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}.counts.{field} counts more than the month&apos;s contacts</source>
        <translation>{where}.counts.{field} cuenta más que los contactos del mes</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>“{code}” looks like a name, an e-mail address or a phone number, and a peer code must never identify anyone. Replace it with a made-up code, or, if you are sure it identifies no one, import with “Keep peer codes that look like names” (--allow-identifying-codes).</source>
        <translation>«{code}» parece un nombre, un correo electrónico o un número de teléfono, y un código de persona nunca debe identificar a nadie. Sustitúyelo por un código inventado o, si tienes la seguridad de que no identifica a nadie, importa con «Mantener los códigos de persona que parecen nombres» (--allow-identifying-codes).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Please answer the consent question: may this contact be counted in the program&apos;s de-identified statistics? Choose Yes or No, then save again.</source>
        <translation>Responde a la pregunta del consentimiento: ¿puede contarse este contacto en las estadísticas anonimizadas del programa? Elige Sí o No y vuelve a guardar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The peer code “{code}” looks like a name, an e-mail address or a phone number. Use a made-up code (Generate offers one), or tick “It is not a name” if you are sure it identifies no one.</source>
        <translation>El código de persona «{code}» parece un nombre, un correo electrónico o un número de teléfono. Usa un código inventado (Generar te ofrece uno) o marca «No es un nombre» si tienes la seguridad de que no identifica a nadie.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The start time “{text}” is not a time. Use hh:mm, such as 14:30, or leave it empty.</source>
        <translation>La hora de inicio «{text}» no es una hora. Usa hh:mm, por ejemplo 14:30, o déjala vacía.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The date {date} is outside the dates a session can have ({earliest} to {latest}). Correct the date.</source>
        <translation>La fecha {date} está fuera de las fechas que puede tener una sesión ({earliest} a {latest}). Corrige la fecha.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>it is signed with a key that is not the one enrolled for {supporter} (fingerprint {fingerprint}). If the supporter moved to a new journal, compare the fingerprint with them and re-enrol (peerdesk import FILE --re-enrol &quot;{fingerprint}&quot;); otherwise the file is not theirs</source>
        <translation>está firmado con una clave que no es la registrada para {supporter} (huella {fingerprint}). Si esa persona pasó a un diario nuevo, compara la huella con ella y vuelve a registrarla (peerdesk import FILE --re-enrol &quot;{fingerprint}&quot;); si no, el archivo no es suyo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}: {count} months replaced ({months})</source>
        <translation>{file}: {count} meses sustituidos ({months})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its signing key is not enrolled yet (fingerprint {fingerprint}). Ask the supporter to read the fingerprint shown in their export window; if it matches, import again and confirm it (peerdesk import FILE --enrol &quot;{fingerprint}&quot;)</source>
        <translation>su clave de firma aún no está registrada (huella {fingerprint}). Pide a la persona de apoyo que lea la huella de su ventana de exportación; si coincide, vuelve a importar y confírmala (peerdesk import FILE --enrol &quot;{fingerprint}&quot;)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}: already imported on {day}; nothing changed</source>
        <translation>{file}: ya se importó el {day}; no cambió nada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{text}; {count} kept, newer figures were already held</source>
        <translation>{text}; {count} conservados, ya había cifras más recientes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{text}; enrolled the supporter&apos;s key {fingerprint}</source>
        <translation>{text}; se registró la clave de la persona de apoyo {fingerprint}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it claims to be from supporter {supporter} but is signed with the key enrolled for {owner}; it was not counted under either</source>
        <translation>dice ser de la persona de apoyo {supporter} pero está firmado con la clave registrada para {owner}; no se contó a nombre de ninguna</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>it is older than the figures already imported from this supporter (file sequence {sequence}, latest imported {latest}), so it was replayed or re-sent; nothing was changed</source>
        <translation>es más antiguo que las cifras ya importadas de esta persona de apoyo (secuencia del archivo {sequence}, última importada {latest}), así que es una repetición o un reenvío; no se cambió nada</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>How to read these figures</source>
        <translation>Cómo leer estas cifras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every count is rounded to a multiple of {k} (the same way in every report); {small} is a small count (1 to {below} in a month); totals and rates are worked out from the rounded counts.</source>
        <translation>Cada recuento se redondea a un múltiplo de {k} (igual en todos los informes); {small} es un recuento pequeño (de 1 a {below} en un mes); los totales y los porcentajes se calculan a partir de los recuentos redondeados.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each contact counts once, in the calendar month it took place.</source>
        <translation>Cada contacto cuenta una vez, en el mes natural en que tuvo lugar.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This report summarises the peer support program from de-identified monthly figures that supporters exported from their own journals. Every figure is rounded to a multiple of {k}, and a count of 1 to {below} in a month is shown as {small}, so that no small number can be worked out, not even by comparing reports. The method note at the end explains how the figures were made and what they never contain.</source>
        <translation>Este informe resume el programa de apoyo entre compañeros a partir de las cifras mensuales anonimizadas que las personas de apoyo exportaron de sus propios diarios. Cada cifra se redondea a un múltiplo de {k}, y un recuento de 1 a {below} en un mes se muestra como {small}, para que ningún número pequeño pueda deducirse, ni siquiera comparando informes. La nota de método del final explica cómo se obtuvieron las cifras y lo que nunca contienen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bars are not drawn for counts shown as {small}. Months marked * include such counts; where a month&apos;s total is shown, what is not broken down by channel is drawn in grey.</source>
        <translation>No se dibujan barras para los recuentos mostrados como {small}. Los meses marcados con * incluyen recuentos así; cuando se muestra el total de un mes, lo que no se desglosa por medio se dibuja en gris.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bars are not drawn for counts shown as {small}.</source>
        <translation>No se dibujan barras para los recuentos mostrados como {small}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each supporter keeps a private, encrypted journal of their support conversations. Once a month or so they export signed figures per calendar month for the conversations in which the person agreed to be counted, and send the file to the program coordinator, who imports it here. The latest figures for each supporter and month replace earlier ones, so nothing is counted twice.</source>
        <translation>Cada persona de apoyo lleva un diario privado y cifrado de sus conversaciones de apoyo. Más o menos una vez al mes exporta cifras firmadas por mes natural de las conversaciones en las que la persona aceptó que se contaran, y envía el archivo a la coordinación del programa, que lo importa aquí. Las cifras más recientes de cada persona de apoyo y mes sustituyen a las anteriores, así que nada se cuenta dos veces.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Names, notes, reflections, peer codes, single sessions, exact dates or times, and sessions without the person&apos;s consent never leave a supporter&apos;s journal. A summary holds only counts per month, and the number of distinct people each supporter saw, counted inside their own journal.</source>
        <translation>Los nombres, las notas, las reflexiones, los códigos de persona, las sesiones individuales, las fechas u horas exactas y las sesiones sin el consentimiento de la persona nunca salen del diario de una persona de apoyo. Un resumen contiene solo recuentos por mes y el número de personas distintas que atendió cada persona de apoyo, contado dentro de su propio diario.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rounding and small counts</source>
        <translation>Redondeo y recuentos pequeños</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Small numbers can point to a particular person, and so can the difference between two reports. So every count is rounded to a multiple of {k}, up or down, the way statistics offices do it: a count of {example} is shown as {down} or {up}, never as {example}. Which way a count goes is fixed by a secret key in the coordinator&apos;s journal and by which supporters and months it counts, so the same count is shown the same way in every report, and producing more reports tells a reader nothing new. A count of 1 to {below} in a month is shown as {small}; zero is shown as 0.</source>
        <translation>Los números pequeños pueden señalar a una persona concreta, y también la diferencia entre dos informes. Por eso cada recuento se redondea a un múltiplo de {k}, hacia arriba o hacia abajo, como hacen las oficinas de estadística: un recuento de {example} se muestra como {down} o {up}, nunca como {example}. El sentido del redondeo lo fijan una clave secreta del diario de la coordinación y las personas de apoyo y los meses que cuenta, así que el mismo recuento se muestra igual en todos los informes y hacer más informes no le dice nada nuevo a quien los lee. Un recuento de 1 a {below} en un mes se muestra como {small}; el cero se muestra como 0.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Totals and rates</source>
        <translation>Totales y porcentajes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A figure over several months, and every total, is the sum of the rounded monthly counts; where that sum is 0 although there were contacts, it is shown as {small}. Because each table adds up its own rounded counts, two tables can show slightly different totals for the same contacts. Rates are worked out from the rounded figures shown beside them; {not_shown} means a rate would need a hidden count. The dashboard, this PDF and the CSV show the same figures.</source>
        <translation>Una cifra de varios meses, y cada total, es la suma de los recuentos mensuales redondeados; si esa suma es 0 aunque hubo contactos, se muestra como {small}. Como cada tabla suma sus propios recuentos redondeados, dos tablas pueden mostrar totales algo distintos para los mismos contactos. Los porcentajes se calculan a partir de las cifras redondeadas que aparecen a su lado; {not_shown} significa que un porcentaje necesitaría un recuento oculto. El panel, este PDF y el CSV muestran las mismas cifras.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People and supporters</source>
        <translation>Personas y personas de apoyo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A contact is one conversation (one-to-one or a group). People supported is counted by each supporter in their journal, per calendar year, quarter or month; for a period that is not a whole year, quarter or month, the figures of the years, quarters and months that make it up are added, so a person counts once per supporter in each of those blocks, and someone who spoke to two supporters counts twice. Supporters are listed by name or number and counted exactly; no figure is ever shown for one supporter alone, and a view is limited to an organisation unit only when it and the rest of the program each have at least {k} supporters.</source>
        <translation>Un contacto es una conversación (individual o en grupo). Las personas atendidas las cuenta cada persona de apoyo en su diario, por año natural, trimestre o mes; para un periodo que no es un año, trimestre o mes completo, se suman las cifras de los años, trimestres y meses que lo forman, así que una persona cuenta una vez por persona de apoyo en cada uno de esos bloques, y quien habló con dos personas de apoyo cuenta dos veces. Las personas de apoyo se enumeran por nombre o número y se cuentan exactamente; nunca se muestra una cifra de una sola persona de apoyo, y una vista se limita a una unidad de la organización solo cuando ella y el resto del programa tienen cada una al menos {k} personas de apoyo.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Figures are rounded to a multiple of {k}. {small}: a small count (1 to {below} in a month). {not_shown}: a rate that would need a hidden count.</source>
        <translation>Las cifras se redondean a un múltiplo de {k}. {small}: un recuento pequeño (de 1 a {below} en un mes). {not_shown}: un porcentaje que necesitaría un recuento oculto.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supporters whose figures are included ({count}): {names}. Figures are never shown per supporter.</source>
        <translation>Personas de apoyo cuyas cifras se incluyen ({count}): {names}. Nunca se muestran cifras por persona de apoyo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Program report</source>
        <translation>Informe del programa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recovery kit</source>
        <translation>Kit de recuperación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{app} {version} · {title} · this page holds a secret: do not scan, photograph or e-mail it</source>
        <translation>{app} {version} · {title} · esta página contiene un secreto: no la escanees, fotografíes ni envíes por correo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{app} · keep this page somewhere safe</source>
        <translation>{app} · guarda esta página en un lugar seguro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If you forget your passphrase, this code opens your journal so you can choose a new passphrase. Without the passphrase or this code nobody can open the journal — not even the people who make {app}.</source>
        <translation>Si olvidas tu frase de contraseña, este código abre tu diario para que puedas elegir una nueva. Sin la frase de contraseña o este código nadie puede abrir el diario, ni siquiera quienes hacen {app}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capital or small letters, spaces and dashes do not matter when you type the code. The fingerprint tells which journal this page belongs to: PeerDesk shows it on the recovery screen.</source>
        <translation>Al escribir el código da igual usar mayúsculas o minúsculas, espacios o guiones. La huella indica a qué diario pertenece esta página: PeerDesk la muestra en la pantalla de recuperación.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recovery code</source>
        <translation>Código de recuperación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Journal fingerprint</source>
        <translation>Huella del diario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made on</source>
        <translation>Creado el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where to keep it</source>
        <translation>Dónde guardarlo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If you forget your passphrase</source>
        <translation>Si olvidas tu frase de contraseña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If this page is lost or someone else may have seen it</source>
        <translation>Si pierdes esta página o alguien más puede haberla visto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make a new recovery code in {app} (Settings, Recovery kit) and print the new page. This code then stops opening your journal. Backups made before still open with it: delete backups you no longer need.</source>
        <translation>Crea un código de recuperación nuevo en {app} (Ajustes, Kit de recuperación) e imprime la página nueva. Este código dejará entonces de abrir tu diario. Las copias de seguridad hechas antes se siguen abriendo con él: borra las que ya no necesites.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Somewhere locked and away from the computer: a drawer you lock, a safe, or with other papers you already keep safe.</source>
        <translation>En un lugar cerrado con llave y lejos del ordenador: un cajón con llave, una caja fuerte o junto a otros papeles que ya guardas con cuidado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not in the laptop bag, and never as a photo, an e-mail, a chat message or a file in cloud storage.</source>
        <translation>No en la funda del portátil, y nunca como foto, correo electrónico, mensaje de chat o archivo en la nube.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If you saved this page as a file to print it, delete the file now that it is printed.</source>
        <translation>Si guardaste esta página como archivo para imprimirla, borra el archivo ahora que está impresa.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open {app} and choose “Forgot your passphrase?” on the unlock screen.</source>
        <translation>Abre {app} y elige «¿Olvidaste tu frase de contraseña?» en la pantalla de desbloqueo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that the fingerprint shown there is the one on this page.</source>
        <translation>Comprueba que la huella que aparece allí es la de esta página.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the recovery code, then choose a new passphrase. Your journal opens as before; the code keeps working until you make a new one.</source>
        <translation>Escribe el código de recuperación y elige una frase de contraseña nueva. Tu diario se abre como siempre; el código sigue sirviendo hasta que crees uno nuevo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training record</source>
        <translation>Registro de formación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peer support training: active listening and supporting colleagues</source>
        <translation>Formación en apoyo entre compañeros: escucha activa y apoyo a los compañeros</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guides completed</source>
        <translation>Guías completadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Practice scenarios completed</source>
        <translation>Casos prácticos completados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generated on {date} by {app}. The trainee&apos;s own answers to the practice scenarios stay private and are not part of this record.</source>
        <translation>Generado el {date} con {app}. Las respuestas de la persona en formación a los casos prácticos son privadas y no forman parte de este registro.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{percent}% completed ({done} of {total} scenarios)</source>
        <translation>{percent} % completado ({done} de {total} casos prácticos)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guide</source>
        <translation>Guía</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Track</source>
        <translation>Itinerario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed on</source>
        <translation>Completado el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No guides completed yet.</source>
        <translation>Aún no se ha completado ninguna guía.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scenario</source>
        <translation>Caso práctico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No practice scenarios completed yet.</source>
        <translation>Aún no se ha completado ningún caso práctico.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{percent}% completed ({done} of {total} guides)</source>
        <translation>{percent} % completado ({done} de {total} guías)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Practice scenarios</source>
        <translation>Casos prácticos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainee path</source>
        <translation>Itinerario de formación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{setting}&apos; must be a whole number.</source>
        <translation>«{setting}» debe ser un número entero.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{setting}&apos; has the wrong kind of value.</source>
        <translation>«{setting}» tiene un tipo de valor incorrecto.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{setting}&apos; must be at least {minimum}.</source>
        <translation>«{setting}» debe ser como mínimo {minimum}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{setting}&apos; must be at most {maximum}.</source>
        <translation>«{setting}» debe ser como máximo {maximum}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{setting}&apos; must be one of: {choices}.</source>
        <translation>«{setting}» debe ser uno de estos: {choices}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{setting}&apos; must be a list of names.</source>
        <translation>«{setting}» debe ser una lista de nombres.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{setting}&apos; must be at most {maximum} characters.</source>
        <translation>«{setting}» debe tener como máximo {maximum} caracteres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it contains the non-standard number {name}</source>
        <translation>contiene el número no estándar {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is {size} MB; files larger than {limit} MB are refused</source>
        <translation>ocupa {size} MB; se rechazan los archivos de más de {limit} MB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is nested more than {depth} levels deep</source>
        <translation>tiene más de {depth} niveles de anidamiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it contains an invalid \u escape (a lone surrogate)</source>
        <translation>contiene un escape \u no válido (un sustituto suelto)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it is not UTF-8 text (invalid byte at position {position})</source>
        <translation>no es texto UTF-8 (byte no válido en la posición {position})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it contains a number with {digits} digits, far too long</source>
        <translation>contiene un número de {digits} cifras, demasiado largo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it is a folder, not a file</source>
        <translation>es una carpeta, no un archivo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown code {code} for field {field}. Known codes: {codes}.</source>
        <translation>Código desconocido {code} para el campo {field}. Códigos conocidos: {codes}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not read the taxonomy file {path}: {reason}.</source>
        <translation>No se pudo leer el archivo de taxonomía {path}: {reason}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The taxonomy file {path} is not valid TOML: {reason}.</source>
        <translation>El archivo de taxonomía {path} no es TOML válido: {reason}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: {problem}</source>
        <translation>{path}: {problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not read the taxonomy translation {path}: {reason}. Reinstall PeerDesk or choose English in Settings.</source>
        <translation>No se pudo leer la traducción de la taxonomía {path}: {reason}. Vuelve a instalar PeerDesk o elige English en Ajustes.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown taxonomy field {field}. Known fields: {fields}.</source>
        <translation>Campo de taxonomía desconocido {field}. Campos conocidos: {fields}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The backup was stopped before it finished; nothing was written.</source>
        <translation>La copia de seguridad se detuvo antes de terminar; no se escribió nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The copy did not verify (schema differs); it was removed.</source>
        <translation>La copia no superó la verificación (el esquema es distinto); se ha eliminado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The copy did not verify ({problem}); it was removed.</source>
        <translation>La copia no superó la verificación ({problem}); se ha eliminado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A backup cannot replace the journal itself. Choose another file.</source>
        <translation>Una copia de seguridad no puede sustituir al propio diario. Elige otro archivo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is a folder. Choose a file name for the backup.</source>
        <translation>{path} es una carpeta. Elige un nombre de archivo para la copia de seguridad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is a file. Choose a new name for the backup folder.</source>
        <translation>{path} es un archivo. Elige un nombre nuevo para la carpeta de la copia de seguridad.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} is not a PeerDesk backup (it has no journal.db and keys.json).</source>
        <translation>{path} no es una copia de seguridad de PeerDesk (no tiene journal.db ni keys.json).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no backup at {path}.</source>
        <translation>No hay ninguna copia de seguridad en {path}.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>The backup {file} is damaged ({problem}). Nothing was changed; choose another backup.</source>
        <translation>La copia de seguridad {file} está dañada ({problem}). No se ha cambiado nada; elige otra copia de seguridad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That is the journal itself; choose a backup file.</source>
        <translation>Ese es el propio diario; elige un archivo de copia de seguridad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The copy was not encrypted, so PeerDesk removed it.</source>
        <translation>La copia no estaba cifrada, así que PeerDesk la eliminó.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is not an encrypted PeerDesk backup.</source>
        <translation>{path} no es una copia de seguridad cifrada de PeerDesk.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup {path} cannot be read: {reason}.</source>
        <translation>No se puede leer la copia de seguridad {path}: {reason}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file} is not a PeerDesk journal backup. Nothing was changed.</source>
        <translation>{file} no es una copia de seguridad de un diario de PeerDesk. No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>The backup {file} does not open with this passphrase, or it is damaged. Nothing was changed.</source>
        <translation>La copia de seguridad {file} no se abre con esta frase de contraseña, o está dañada. No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The backup {file} belongs to another journal, or to this one before it was re-encrypted: it opens only with the passphrase it was made with. Nothing was changed.</source>
        <translation>La copia de seguridad {file} es de otro diario, o de este antes de volver a cifrarlo: solo se abre con la frase de contraseña con la que se hizo. No se cambió nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup {file} did not verify. Nothing was changed.</source>
        <translation>La copia de seguridad {file} no superó la verificación. No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} could not be moved aside. Nothing was changed.</source>
        <translation>No se pudo apartar {path}. No se cambió nada.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The disk that holds {path} is full, so PeerDesk could not write to it. Nothing was half-written: every file is as it was before. Free some space on that disk, then try again.</source>
        <translation>El disco que contiene {path} está lleno, así que PeerDesk no pudo escribir en él. No quedó nada a medio escribir: todos los archivos están como antes. Libera espacio en ese disco y vuelve a intentarlo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The folder {folder} is read-only (or on a read-only drive), so PeerDesk cannot write there; it keeps its working files beside the journal. Nothing was changed. Make the folder writable, or copy the file to a folder you can write to and use it from there.</source>
        <translation>La carpeta {folder} es de solo lectura (o está en una unidad de solo lectura), así que PeerDesk no puede escribir en ella; guarda sus archivos de trabajo junto al diario. No se ha cambiado nada. Permite escribir en la carpeta, o copia el archivo a una carpeta en la que puedas escribir y úsalo desde allí.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file {path} is read-only, so PeerDesk cannot change it. Nothing was changed. Make the file writable (or copy it to a folder you can write to and use the copy), then try again.</source>
        <translation>El archivo {path} es de solo lectura, así que PeerDesk no puede modificarlo. No se ha cambiado nada. Permite escribir en el archivo (o cópialo a una carpeta en la que puedas escribir y usa la copia) y vuelve a intentarlo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The journal {path} is open in another PeerDesk window or command. Nothing was changed. Close it there (or let the command finish), then try again.</source>
        <translation>El diario {path} está abierto en otra ventana u orden de PeerDesk. No se ha cambiado nada. Ciérralo allí (o deja que la orden termine) y vuelve a intentarlo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PeerDesk is still checking that the journal is undamaged (it does this once after unlocking, in the background); until it has finished nothing can be saved. Nothing was lost: try again in a moment.</source>
        <translation>PeerDesk todavía está comprobando que el diario no está dañado (lo hace una vez tras desbloquear, en segundo plano); hasta que termine no se puede guardar nada. No se ha perdido nada: vuelve a intentarlo en un momento.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The folder {folder} does not exist (a drive that is not connected, or a folder that was moved or renamed?). Nothing was created or changed. Connect the drive or give the right path, then try again.</source>
        <translation>La carpeta {folder} no existe (¿una unidad que no está conectada, o una carpeta que se movió o cambió de nombre?). No se ha creado ni cambiado nada. Conecta la unidad o indica la ruta correcta y vuelve a intentarlo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This journal is already open in another PeerDesk window. Switch to that window, or close it first.</source>
        <translation>Este diario ya está abierto en otra ventana de PeerDesk. Cambia a esa ventana o ciérrala primero.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not create {path}: {reason}. Check that the journal&apos;s folder is writable.</source>
        <translation>No se pudo crear {path}: {reason}. Comprueba que se puede escribir en la carpeta del diario.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file ends in the middle of a page; it was cut short</source>
        <translation>el archivo termina a mitad de una página; está cortado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the table {table} is missing</source>
        <translation>falta la tabla {table}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file holds {held} of its {pages} pages; it was cut short</source>
        <translation>el archivo contiene {held} de sus {pages} páginas; está cortado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the journal&apos;s identity record is missing</source>
        <translation>falta el registro de identidad del diario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preparing the journal&apos;s new folder…</source>
        <translation>Preparando la nueva carpeta del diario…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Putting the journal&apos;s folder in place…</source>
        <translation>Colocando la carpeta del diario…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The journal is in its new folder.</source>
        <translation>El diario está en su nueva carpeta.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The journal could not be moved into its folder ({reason}). Your journal is as it was; check there is free space and that its folder is writable, then try again.</source>
        <translation>No se pudo mover el diario a su carpeta ({reason}). Tu diario sigue como estaba; comprueba que hay espacio libre y que se puede escribir en su carpeta, y vuelve a intentarlo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The journal is still open elsewhere (another window or program), so it was not moved into its folder. Close it there and try again; nothing was changed.</source>
        <translation>El diario sigue abierto en otro sitio (otra ventana u otro programa), así que no se ha movido a su carpeta. Ciérralo allí y vuelve a intentarlo; no se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no journal here, but {staging} holds part of one from an interrupted upgrade. PeerDesk did not touch it. Keep that folder: it may hold your journal.</source>
        <translation>Aquí no hay ningún diario, pero {staging} contiene parte de uno de una actualización interrumpida. PeerDesk no lo ha tocado. Conserva esa carpeta: puede contener tu diario.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The journal&apos;s copy under its new key did not verify, so the journal was not moved into its folder. Nothing was changed; check there is free space and try again.</source>
        <translation>La copia del diario con su nueva clave no superó la verificación, así que el diario no se ha movido a su carpeta. No se ha cambiado nada; comprueba que hay espacio libre y vuelve a intentarlo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is a link to {target}. Open the journal where it really is (with --journal {target}) so it can move into its folder there; nothing was changed.</source>
        <translation>{path} es un enlace a {target}. Abre el diario donde realmente está (con --journal {target}) para que pueda moverse allí a su carpeta; no se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copying the journal under its new key…</source>
        <translation>Copiando el diario con su nueva clave…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protecting the new key with your passphrase…</source>
        <translation>Protegiendo la nueva clave con tu frase de contraseña…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is a journal from before recovery kits. Unlock it once with its passphrase (it then moves into its folder), then try again. Nothing was changed.</source>
        <translation>{path} es un diario de antes de los kits de recuperación. Desbloquéalo una vez con su frase de contraseña (entonces pasa a su carpeta) y vuelve a intentarlo. No se cambió nada.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is a journal from before recovery kits: it has no recovery code, so only its passphrase opens it. Nothing was changed.</source>
        <translation>{path} es un diario de antes de los kits de recuperación: no tiene código de recuperación, así que solo lo abre su frase de contraseña. No se cambió nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>slot {number}</source>
        <translation>la ranura {number}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it contains a number that is not a whole number</source>
        <translation>contiene un número que no es entero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} is not valid</source>
        <translation>hay un valor no válido en {where}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file</source>
        <translation>el archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The journal&apos;s key file {path} cannot be used ({reason}). Nothing was changed. Restore the journal folder from a backup; a key file cannot be rebuilt.</source>
        <translation>No se puede usar el archivo de claves del diario {path} ({reason}). No se ha cambiado nada. Restaura la carpeta del diario desde una copia de seguridad; un archivo de claves no se puede reconstruir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The journal&apos;s key file was altered: a slot holds a key that is not this journal&apos;s. Nothing was changed. Restore the journal folder from a backup.</source>
        <translation>El archivo de claves del diario ha sido alterado: una ranura contiene una clave que no es la de este diario. No se ha cambiado nada. Restaura la carpeta del diario desde una copia de seguridad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The journal&apos;s key file was written by a newer version of PeerDesk (key file version {found}). Update PeerDesk to open it. Nothing was changed.</source>
        <translation>El archivo de claves del diario lo escribió una versión más reciente de PeerDesk (versión del archivo de claves {found}). Actualiza PeerDesk para abrirlo. No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The journal could not be opened: the passphrase is wrong or the key file is damaged. Check the passphrase and try again. Nothing was changed.</source>
        <translation>No se pudo abrir el diario: la frase de contraseña es incorrecta o el archivo de claves está dañado. Comprueba la frase de contraseña e inténtalo de nuevo. No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This recovery code does not open this journal. Check that the fingerprint on your kit is {fingerprint}: a kit of another journal, or one replaced by a newer code, does not work. Nothing was changed.</source>
        <translation>Este código de recuperación no abre este diario. Comprueba que la huella de tu kit es {fingerprint}: el kit de otro diario, o uno sustituido por un código más reciente, no sirve. No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This journal has no recovery code (the recovery kit was turned off or never made), so it can only be opened with its passphrase. Nothing was changed.</source>
        <translation>Este diario no tiene código de recuperación (el kit de recuperación se desactivó o nunca se creó), así que solo se puede abrir con su frase de contraseña. No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a field appears twice</source>
        <translation>un campo aparece dos veces</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it contains a number that is too long</source>
        <translation>contiene un número demasiado largo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} does not have the expected fields</source>
        <translation>{where} no tiene los campos esperados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} is out of range</source>
        <translation>hay un valor fuera de rango en {where}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} uses an unknown cipher</source>
        <translation>{where} usa un cifrado desconocido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is too large</source>
        <translation>es demasiado grande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is not a PeerDesk key file</source>
        <translation>no es un archivo de claves de PeerDesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it has no usable slots</source>
        <translation>no tiene ranuras utilizables</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it must have one passphrase slot and at most one recovery slot</source>
        <translation>debe tener una ranura de frase de contraseña y como mucho una de recuperación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>two slots have the same id</source>
        <translation>dos ranuras tienen el mismo identificador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is missing</source>
        <translation>no existe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} uses an unknown key derivation</source>
        <translation>{where} usa una derivación de clave desconocida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} is of an unknown kind</source>
        <translation>{where} es de un tipo desconocido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is not text</source>
        <translation>no es texto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is not valid JSON</source>
        <translation>no es JSON válido</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Too short: use at least {minimum} characters — a few unrelated words work well.</source>
        <translation>Demasiado corta: usa al menos {minimum} caracteres; unas cuantas palabras sin relación funcionan bien.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type the recovery code from your recovery kit.</source>
        <translation>Escribe el código de recuperación de tu kit de recuperación.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A recovery code has {expected} characters ({groups} groups of {length}); this one has {found}. Check it against your recovery kit.</source>
        <translation>Un código de recuperación tiene {expected} caracteres ({groups} grupos de {length}); este tiene {found}. Compáralo con tu kit de recuperación.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group {group} ({text}) looks mistyped: check it against your recovery kit.</source>
        <translation>El grupo {group} ({text}) parece mal escrito: compáralo con tu kit de recuperación.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groups {groups} look mistyped: check them against your recovery kit.</source>
        <translation>Los grupos {groups} parecen mal escritos: compáralos con tu kit de recuperación.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A recovery code has only digits and capital letters, but this one contains “{character}”. Check it against your recovery kit.</source>
        <translation>Un código de recuperación solo tiene cifras y letras mayúsculas, pero este contiene «{character}». Compáralo con tu kit de recuperación.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each group of a recovery code has {length} characters; check group {groups} against your recovery kit.</source>
        <translation>Cada grupo de un código de recuperación tiene {length} caracteres; compara el grupo {groups} con tu kit de recuperación.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recovery codes never contain the letter U. Check that character against your recovery kit (it may be a V).</source>
        <translation>Los códigos de recuperación nunca contienen la letra U. Compara ese carácter con tu kit de recuperación (puede ser una V).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The journal is still open elsewhere (another window or program), so the passphrase was not changed. Close it there and try again.</source>
        <translation>El diario sigue abierto en otro sitio (otra ventana u otro programa), así que la frase de contraseña no se ha cambiado. Ciérralo allí e inténtalo de nuevo.</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>The new passphrase is the same as the current one. Nothing changed.</source>
        <translation>La nueva frase de contraseña es igual que la actual. No ha cambiado nada.</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>The journal file is damaged ({detail}). Your passphrase is right; the file has not been changed. Restore your newest backup: the unlock screen offers the newest automatic one, and the damaged file is kept aside, never overwritten.</source>
        <translation>El archivo del diario está dañado ({detail}). Tu frase de contraseña es correcta; el archivo no se ha modificado. Restaura tu copia de seguridad más reciente: la pantalla de desbloqueo ofrece la automática más reciente, y el archivo dañado se guarda aparte, nunca se sobrescribe.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PeerDesk could not save to {path} ({detail}). Nothing was half-written: the journal is as it was before. Free some disk space or check the folder is writable, then try again.</source>
        <translation>PeerDesk no pudo guardar en {path} ({detail}). No quedó nada a medio escribir: el diario está como antes. Libera espacio en el disco o comprueba que se puede escribir en la carpeta, y vuelve a intentarlo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is no journal at {path}. Create one with &apos;peerdesk init&apos; or choose another file with --journal.</source>
        <translation>No hay ningún diario en {path}. Crea uno con &apos;peerdesk init&apos; o elige otro archivo con --journal.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A file already exists at {path}; PeerDesk never overwrites it. Choose another location or open the existing journal.</source>
        <translation>Ya existe un archivo en {path}; PeerDesk nunca lo sobrescribe. Elige otra ubicación o abre el diario existente.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This journal was written by a newer version of PeerDesk (schema {found}; this version knows up to {known}). Update PeerDesk to open it. The file was not changed.</source>
        <translation>Este diario lo escribió una versión más reciente de PeerDesk (esquema {found}; esta versión conoce hasta el {known}). Actualiza PeerDesk para abrirlo. El archivo no se ha modificado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The journal is locked. Unlock it and try again.</source>
        <translation>El diario está bloqueado. Desbloquéalo e inténtalo de nuevo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PeerDesk cannot use {path}: {detail}. Check that the file and its folder exist and that you are allowed to read and write them.</source>
        <translation>PeerDesk no puede usar {path}: {detail}. Comprueba que el archivo y su carpeta existen y que tienes permiso para leerlos y escribir en ellos.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>The journal could not switch to write-ahead logging (got {mode}).</source>
        <translation>El diario no pudo pasar al registro de escritura anticipada (se obtuvo {mode}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SQLCipher did not encrypt the new journal, so PeerDesk refused to use it. Reinstall PeerDesk; nothing was written.</source>
        <translation>SQLCipher no cifró el diario nuevo, así que PeerDesk se negó a usarlo. Vuelve a instalar PeerDesk; no se ha escrito nada.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file or folder is not accessible</source>
        <translation>no se puede acceder al archivo o a la carpeta</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>its pages do not fit together; it may be cut short</source>
        <translation>sus páginas no encajan entre sí; puede que esté cortado</translation>
    </message>
</context>
<context>
    <name>MonthCountsModel</name>
    <message>
        <location filename="../../peerdesk/ui/exchange/preview_model.py" line="+108"/>
        <source>Counted</source>
        <translation>Qué se cuenta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>not recorded</source>
        <translation>no registrado</translation>
    </message>
</context>
<context>
    <name>MonthPreviewModel</name>
    <message>
        <location line="-84"/>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why it is sent</source>
        <translation>Por qué se envía</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First</source>
        <translation>Primeros</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referred</source>
        <translation>Derivados</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Safety</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New month</source>
        <translation>Mes nuevo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed</source>
        <translation>Cambiado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now empty</source>
        <translation>Ahora vacío</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not sent before.</source>
        <translation>No se había enviado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessions were added, edited or deleted since the last export, or consent changed.</source>
        <translation>Se añadieron, editaron o eliminaron sesiones desde la última exportación, o cambió el consentimiento.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every session was deleted or its consent withdrawn: zeros replace what was sent before.</source>
        <translation>Se eliminaron todas las sesiones o se retiró su consentimiento: los ceros sustituyen lo enviado antes.</translation>
    </message>
</context>
<context>
    <name>PeerCodeReviewDialog</name>
    <message>
        <location filename="../../peerdesk/ui/journal/peer_code_review.py" line="+39"/>
        <location line="+12"/>
        <source>Peer codes to review</source>
        <translation>Códigos de persona que revisar</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>These peer codes look like a name, an e-mail address or a phone number. A peer code should never identify anyone: it shows in window titles, follow-ups and dialogs. Replace them with generated codes (each person&apos;s sessions stay linked), or keep them if you are sure they identify no one. You are asked once.</source>
        <translation>Estos códigos de persona parecen un nombre, un correo electrónico o un número de teléfono. Un código de persona nunca debe identificar a nadie: aparece en títulos de ventana, seguimientos y diálogos. Sustitúyelos por códigos generados (las sesiones de cada persona siguen enlazadas) o mantenlos si tienes la seguridad de que no identifican a nadie. Solo se pregunta una vez.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Peer code</source>
        <translation>Código de persona</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Replace with generated codes</source>
        <translation>&amp;Sustituir por códigos generados</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Keep them</source>
        <translation>&amp;Mantenerlos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decide &amp;later</source>
        <translation>Decidir &amp;después</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Peer codes</source>
        <translation>Códigos de persona</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Checking peer codes…</source>
        <translation>Revisando los códigos de persona…</translation>
    </message>
</context>
<context>
    <name>PeerTimelineDialog</name>
    <message>
        <location filename="../../peerdesk/ui/journal/timeline.py" line="+46"/>
        <source>Timeline · {0}</source>
        <translation>Cronología · {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sessions with {0}</source>
        <translation>Sesiones con {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No sessions with this peer code yet.</source>
        <translation>Todavía no hay sesiones con este código de persona.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 session</source>
        <translation>1 sesión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} sessions, oldest first</source>
        <translation>{0} sesiones, de la más antigua a la más reciente</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sessions with this peer code</source>
        <translation>Sesiones con este código de persona</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is happening · support</source>
        <translation>Qué está pasando · apoyo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Open session</source>
        <translation>&amp;Abrir sesión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the selected session</source>
        <translation>Abrir la sesión seleccionada</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../peerdesk/ui/journal/csv_wizard.py" line="-197"/>
        <source>Check before importing</source>
        <translation>Revisa antes de importar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing has been added yet.</source>
        <translation>Todavía no se ha añadido nada.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sessions that would be added</source>
        <translation>Sesiones que se añadirían</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Peer code</source>
        <translation>Código de persona</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How</source>
        <translation>Medio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is happening</source>
        <translation>Qué está pasando</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Counted</source>
        <translation>Contada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Problems to fix in the file (nothing will be added until every row is good):</source>
        <translation>Problemas que corregir en el archivo (no se añadirá nada hasta que todas las filas sean correctas):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Problems found in the file</source>
        <translation>Problemas encontrados en el archivo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check &amp;again</source>
        <translation>&amp;Volver a comprobar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the file again</source>
        <translation>Volver a comprobar el archivo</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Checking {0}…</source>
        <translation>Comprobando {0}…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checking the file…</source>
        <translation>Comprobando el archivo…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>1 problem found.</source>
        <translation>Se encontró 1 problema.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} problems found.</source>
        <translation>Se encontraron {0} problemas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing will be added until the file is fixed: fix it in your spreadsheet, save it, then check again.</source>
        <translation>No se añadirá nada hasta que se corrija el archivo: corrígelo en tu hoja de cálculo, guárdalo y vuelve a comprobarlo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file has no sessions to add.</source>
        <translation>El archivo no tiene sesiones que añadir.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 session will be added.</source>
        <translation>Se añadirá 1 sesión.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} sessions will be added.</source>
        <translation>Se añadirán {0} sesiones.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first {0} are shown.</source>
        <translation>Se muestran las {0} primeras.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>ProgramWorkspace</name>
    <message>
        <location filename="../../peerdesk/ui/program/workspace.py" line="+51"/>
        <location line="+319"/>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <location line="-302"/>
        <source>&amp;Import summaries…</source>
        <translation>&amp;Importar resúmenes…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export &amp;PDF report…</source>
        <translation>Exportar informe en &amp;PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export &amp;CSV…</source>
        <translation>Exportar &amp;CSV…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Period from month</source>
        <translation>Periodo desde el mes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period to month</source>
        <translation>Periodo hasta el mes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation unit</source>
        <translation>Unidad de la organización</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Reset filters</source>
        <translation>Restablecer filtros</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;to</source>
        <translation>&amp;hasta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unit</source>
        <translation>&amp;Unidad</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+303"/>
        <source>Import summary files</source>
        <translation>Importar archivos de resumen</translation>
    </message>
    <message>
        <location line="-302"/>
        <location line="+408"/>
        <source>Export PDF report</source>
        <translation>Exportar informe en PDF</translation>
    </message>
    <message>
        <location line="-407"/>
        <location line="+412"/>
        <source>Export CSV tables</source>
        <translation>Exportar tablas CSV</translation>
    </message>
    <message>
        <location line="-369"/>
        <location line="+13"/>
        <source>Import history</source>
        <translation>Historial de importaciones</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+21"/>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>All units</source>
        <translation>Todas las unidades</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No summary names an organisation unit.</source>
        <translation>Ningún resumen indica una unidad de la organización.</translation>
    </message>
    <message>
        <location line="+158"/>
        <source>PeerDesk summaries (*.json);;All files (*)</source>
        <translation>Resúmenes de PeerDesk (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Importing summaries…</source>
        <translation>Importando resúmenes…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Import failed</source>
        <translation>La importación ha fallado</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Building the PDF report…</source>
        <translation>Generando el informe en PDF…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Writing the CSV tables…</source>
        <translation>Escribiendo las tablas CSV…</translation>
    </message>
    <message>
        <location line="-411"/>
        <location line="+45"/>
        <location line="+150"/>
        <location line="+229"/>
        <source>Counting…</source>
        <translation>Contando…</translation>
    </message>
    <message>
        <location line="-299"/>
        <source>Units are offered only when each, and the rest of the program, has at least {0} supporters.</source>
        <translation>Solo se ofrecen unidades cuando cada una, y el resto del programa, tienen al menos {0} personas de apoyo.</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Every figure is rounded to a multiple of {0}, the same way in every report; a count from 1 to {1} in a month is shown as {2} and drawn as 0 in the charts. Figures are never shown per supporter. Supporters included ({3}): {4}.</source>
        <translation>Cada cifra se redondea a un múltiplo de {0}, igual en todos los informes; un recuento de 1 a {1} en un mes se muestra como {2} y se dibuja como 0 en los gráficos. Nunca se muestran cifras por persona de apoyo. Personas de apoyo incluidas ({3}): {4}.</translation>
    </message>
    <message>
        <location line="+203"/>
        <source>Report saved</source>
        <translation>Informe guardado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved {0}.</source>
        <translation>Se ha guardado {0}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Report not saved</source>
        <translation>El informe no se ha guardado</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Importing {0}…</source>
        <translation>Importando {0}…</translation>
    </message>
</context>
<context>
    <name>QuickReferenceDock</name>
    <message>
        <location filename="../../peerdesk/ui/guides/quick_reference.py" line="-28"/>
        <source>Quick reference</source>
        <translation>Referencia rápida</translation>
    </message>
</context>
<context>
    <name>QuickReferencePanel</name>
    <message>
        <location line="-92"/>
        <source>
## If someone may be at risk

1. **Ask directly:** &quot;Are you thinking about suicide?&quot;
2. **Stay with them** if the risk may be immediate; stay on the line.
3. **Check:** &quot;Are you safe right now?&quot; Is there a plan, or the means?
4. **Life in danger now:** call your local emergency number.
5. **Serious, not immediate:** call the crisis line together (referral directory).
6. **Don&apos;t promise secrecy:** &quot;I can&apos;t keep this to myself, because I care what happens to you.&quot;
7. **Follow your program&apos;s escalation steps**, then debrief with your coordinator.

[Responding to risk](guide:responding-to-risk)

## OARS prompts

**Open questions**

- &quot;What&apos;s been happening?&quot;
- &quot;How has this been affecting you?&quot;
- &quot;What would help most right now?&quot;

**Affirmations**

- &quot;It took courage to talk about this.&quot;
- &quot;You&apos;ve kept going through a lot.&quot;

**Reflections**

- &quot;It sounds like you feel…&quot;
- &quot;So what hurts most is…&quot;

**Summaries**

- &quot;Let me check I&apos;ve got this right…&quot;
- &quot;So far you&apos;ve told me… Is there anything I&apos;ve missed?&quot;

[Active listening with OARS](guide:active-listening-oars)

## Empathic phrases

- &quot;That sounds really hard.&quot;
- &quot;It makes sense that you feel that way.&quot;
- &quot;Thank you for telling me.&quot;
- &quot;You don&apos;t have to decide anything today.&quot;
- &quot;What matters most to you in this?&quot;

**Avoid:** &quot;Why didn&apos;t you…?&quot;, &quot;At least…&quot;, &quot;If I were you…&quot;, &quot;I&apos;m sure they didn&apos;t mean it.&quot;

[Empathic responses](guide:empathic-responses)

## Before you close

- Summarise, agree a next step (or none), offer a follow-up.
- Make sure they know how to reach help, including the crisis line.
- Ask consent before counting the contact in statistics.

[Opening and closing](guide:opening-and-closing)
</source>
        <translation>
## Si alguien puede estar en riesgo

1. **Pregunta directamente:** «¿Estás pensando en suicidarte?»
2. **Quédate con la persona** si el riesgo puede ser inmediato; no cuelgues.
3. **Comprueba:** «¿Estás a salvo ahora mismo?» ¿Hay un plan o los medios?
4. **Vida en peligro ahora:** llama al número de emergencias local.
5. **Grave, pero no inmediato:** llamen juntos a la línea de crisis (directorio de derivaciones).
6. **No prometas guardar el secreto:** «No puedo guardarme esto, porque me importa lo que te pase».
7. **Sigue los pasos de escalado de tu programa** y después habla con tu coordinador.

[Responder al riesgo](guide:responding-to-risk)

## Preguntas OARS

**Preguntas abiertas**

- «¿Qué ha estado pasando?»
- «¿Cómo te está afectando esto?»
- «¿Qué te ayudaría más ahora mismo?»

**Afirmaciones**

- «Hace falta valor para hablar de esto».
- «Has seguido adelante a pesar de mucho».

**Reflejos**

- «Parece que sientes…»
- «Entonces, lo que más te duele es…»

**Resúmenes**

- «Déjame comprobar si lo he entendido bien…»
- «Hasta ahora me has contado… ¿Se me escapa algo?»

[Escucha activa con OARS](guide:active-listening-oars)

## Frases empáticas

- «Eso suena muy difícil».
- «Tiene sentido que te sientas así».
- «Gracias por contármelo».
- «No tienes que decidir nada hoy».
- «¿Qué es lo que más te importa en esto?»

**Evita:** «¿Por qué no…?», «Por lo menos…», «Yo que tú…», «Seguro que no lo hicieron a propósito».

[Respuestas empáticas](guide:empathic-responses)

## Antes de cerrar

- Resume, acuerden un siguiente paso (o ninguno), ofrece un seguimiento.
- Asegúrate de que sabe cómo pedir ayuda, incluida la línea de crisis.
- Pide consentimiento antes de contar el contacto en las estadísticas.

[Abrir y cerrar una conversación](guide:opening-and-closing)
</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Quick reference</source>
        <translation>Referencia rápida</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is not legal, medical or clinical advice.</source>
        <translation>Esto no es asesoramiento jurídico, médico ni clínico.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../peerdesk/ui/security/recovery_dialog.py" line="+42"/>
        <source>Forgot your passphrase?</source>
        <translation>¿Olvidaste tu frase de contraseña?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type the code from your recovery kit, then choose a new passphrase. The kit&apos;s fingerprint should read {0}.</source>
        <translation>Escribe el código de tu kit de recuperación y elige una nueva frase de contraseña. La huella del kit debe decir {0}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This journal has no key file, so it has no recovery code: it was made before recovery kits, or its folder is incomplete. Only its passphrase opens it.</source>
        <translation>Este diario no tiene archivo de claves, así que no tiene código de recuperación: se creó antes de los kits de recuperación o su carpeta está incompleta. Solo lo abre su frase de contraseña.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recovery code</source>
        <translation>Código de recuperación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repeat new passphrase</source>
        <translation>Repite la nueva frase de contraseña</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recovery &amp;code:</source>
        <translation>&amp;Código de recuperación:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Nueva frase:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat new passphrase:</source>
        <translation>&amp;Repite la nueva frase:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Set new passphrase</source>
        <translation>Poner la nueva frase de contraseña</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The two new passphrases differ.</source>
        <translation>Las dos frases nuevas no coinciden.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Opening the journal…</source>
        <translation>Abriendo el diario…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Setting the new passphrase…</source>
        <translation>Poniendo la nueva frase de contraseña…</translation>
    </message>
</context>
<context>
    <name>RecoveryKitDialog</name>
    <message>
        <location filename="../../peerdesk/ui/security/recovery_kit_dialog.py" line="+51"/>
        <source>Recovery kit</source>
        <translation>Kit de recuperación</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A recovery code is a second key to your journal: with it you can set a new passphrase if you forget yours. Write it down or print the kit, and keep it locked away from this computer — never as a photo, e-mail or file in the cloud. Anyone who has it and a copy of your journal can read the journal.</source>
        <translation>Un código de recuperación es una segunda llave de tu diario: con él puedes poner una nueva frase de contraseña si olvidas la tuya. Anótalo o imprime el kit y guárdalo bajo llave, lejos de este ordenador; nunca como foto, correo electrónico ni archivo en la nube. Quien lo tenga junto con una copia de tu diario puede leer el diario.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This new code replaces your current one, which then stops opening the journal and PeerDesk&apos;s automatic backups (backups you saved elsewhere still open with it).</source>
        <translation>Este código nuevo sustituye al actual, que deja de abrir el diario y las copias de seguridad automáticas de PeerDesk (las copias que guardaste en otro sitio se siguen abriendo con él).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Recovery code</source>
        <translation>Código de recuperación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>group {0}: {1}</source>
        <translation>grupo {0}: {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Journal fingerprint: {0}</source>
        <translation>Huella del diario: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save &amp;PDF kit…</source>
        <translation>Guardar el kit en &amp;PDF…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>To show the code is written down, type these groups of it back:</source>
        <translation>Para comprobar que has anotado el código, vuelve a escribir estos grupos:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Group {0} of the code</source>
        <translation>Grupo {0} del código</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Group &amp;{0}:</source>
        <translation>Grupo &amp;{0}:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No recovery kit — if I forget the passphrase, the journal is lost</source>
        <translation>Sin kit de recuperación: si olvido la frase de contraseña, pierdo el diario</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use this code</source>
        <translation>Usar este código</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Turn on the recovery kit</source>
        <translation>Activar el kit de recuperación</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Turn the kit &amp;off…</source>
        <translation>&amp;Desactivar el kit…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Group {0} does not match the code above.</source>
        <translation>El grupo {0} no coincide con el código de arriba.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save the recovery kit</source>
        <translation>Guardar el kit de recuperación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Recovery kit saved</source>
        <translation>Kit de recuperación guardado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The kit is in {0}. Print it, then delete the file: a copy on this computer is a key lying next to the lock.</source>
        <translation>El kit está en {0}. Imprímelo y después borra el archivo: una copia en este ordenador es una llave dejada junto a la cerradura.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Turn the recovery kit off?</source>
        <translation>¿Desactivar el kit de recuperación?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Without a recovery code, a forgotten passphrase loses the journal for good. Your current code stops opening the journal and PeerDesk&apos;s automatic backups; backups you saved elsewhere still open with it.</source>
        <translation>Sin código de recuperación, olvidar la frase de contraseña hace perder el diario para siempre. Tu código actual deja de abrir el diario y las copias de seguridad automáticas de PeerDesk; las copias que guardaste en otro sitio se siguen abriendo con él.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Turn it off</source>
        <translation>Desactivarlo</translation>
    </message>
</context>
<context>
    <name>ReferralPicker</name>
    <message>
        <location filename="../../peerdesk/ui/referrals/picker.py" line="+52"/>
        <source>Search the referral directory…</source>
        <translation>Buscar en el directorio de derivaciones…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search referral directory entries</source>
        <translation>Buscar entradas del directorio de derivaciones</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Referral directory entries</source>
        <translation>Entradas del directorio de derivaciones</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The referral directory is empty. Add entries in the Referral directory workspace.</source>
        <translation>El directorio de derivaciones está vacío. Añade entradas en el espacio Directorio de derivaciones.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>No longer in the directory</source>
        <translation>Ya no está en el directorio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deleted entry ({0})</source>
        <translation>Entrada eliminada ({0})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This entry was deleted from the directory. Untick it to remove it from the session.</source>
        <translation>Esta entrada se eliminó del directorio. Desmárcala para quitarla de la sesión.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>confidential</source>
        <translation>confidencial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>may act</source>
        <translation>puede actuar</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>No directory entry picked.</source>
        <translation>No se ha elegido ninguna entrada del directorio.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>deleted entry {0}</source>
        <translation>entrada eliminada {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Picked: {0}</source>
        <translation>Elegidas: {0}</translation>
    </message>
</context>
<context>
    <name>ResourceDetail</name>
    <message>
        <location filename="../../peerdesk/ui/referrals/detail.py" line="+74"/>
        <source>Entry details</source>
        <translation>Detalles de la entrada</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>What they offer</source>
        <translation>Qué ofrecen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>When to refer</source>
        <translation>Cuándo derivar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How to reach them</source>
        <translation>Cómo contactar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Region / site</source>
        <translation>Región / centro</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+84"/>
        <location line="+22"/>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>Copy {0}</source>
        <translation>Copiar {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the {0} to the clipboard</source>
        <translation>Copiar {0} al portapapeles</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit this entry</source>
        <translation>Editar esta entrada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete…</source>
        <translation>E&amp;liminar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete this entry</source>
        <translation>Eliminar esta entrada</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Confidential</source>
        <translation>Confidencial</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>They keep what they hear confidential (within the usual legal limits, such as an immediate risk to life).</source>
        <translation>Mantienen la confidencialidad de lo que escuchan (dentro de los límites legales habituales, como un riesgo inmediato para la vida).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>May be obliged to act</source>
        <translation>Puede estar obligado a actuar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>They may have to act on what they hear (for example start an investigation). Tell the person before you refer them.</source>
        <translation>Puede que tengan que actuar según lo que escuchen (por ejemplo, abrir una investigación). Díselo a la persona antes de derivarla.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Template — needs local details. Edit this entry to add the phone, e-mail, web address, place and hours for your organisation, then untick “Still needs local details”.</source>
        <translation>Plantilla: faltan los datos locales. Edita esta entrada para añadir el teléfono, el correo electrónico, la dirección web, el lugar y el horario de tu organización, y después desmarca «Aún faltan datos locales».</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>These details have never been verified. Check them before you refer someone, then record the date.</source>
        <translation>Estos datos nunca se han verificado. Compruébalos antes de derivar a alguien y anota la fecha.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a month</source>
        <translation>un mes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} months</source>
        <translation>{0} meses</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last verified {0} — more than {1} ago. Check the details before you refer someone.</source>
        <translation>Verificado por última vez el {0}, hace más de {1}. Comprueba los datos antes de derivar a alguien.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not given</source>
        <translation>no indicado</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your own entry</source>
        <translation>Entrada propia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From the pack “{0}”</source>
        <translation>Del paquete «{0}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, edited here</source>
        <translation>, editada aquí</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} · Verified: {1} · Id: {2}</source>
        <translation>{0} · Verificado: {1} · Id.: {2}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not used in any session yet</source>
        <translation>Todavía no se ha usado en ninguna sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used in 1 session</source>
        <translation>Usado en 1 sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used in {0} sessions</source>
        <translation>Usado en {0} sesiones</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
</context>
<context>
    <name>ResourceEditDialog</name>
    <message>
        <location filename="../../peerdesk/ui/referrals/dialogs.py" line="-308"/>
        <source>Edit directory entry</source>
        <translation>Editar entrada del directorio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add directory entry</source>
        <translation>Añadir entrada al directorio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type of resource</source>
        <translation>Tipo de recurso</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What they offer</source>
        <translation>Qué ofrecen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When to refer</source>
        <translation>Cuándo derivar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Web address</source>
        <translation>Dirección web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Separate with commas, e.g. English, Polish</source>
        <translation>Separados por comas, p. ej., español, inglés</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Region or site</source>
        <translation>Región o centro</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Confidential</source>
        <translation>&amp;Confidencial</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;May be obliged to act on what they hear</source>
        <translation>&amp;Puede estar obligado a actuar según lo que escuche</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Verified on</source>
        <translation>&amp;Verificado el</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Date last verified</source>
        <translation>Fecha de la última verificación</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Today</source>
        <translation>Ho&amp;y</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified today</source>
        <translation>Verificado hoy</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Still needs local &amp;details</source>
        <translation>Aún faltan &amp;datos locales</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>T&amp;ype:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What they &amp;offer:</source>
        <translation>Qué &amp;ofrecen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When to &amp;refer:</source>
        <translation>Cuándo de&amp;rivar:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone:</source>
        <translation>Telé&amp;fono:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;E-mail:</source>
        <translation>Correo &amp;electrónico:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Web:</source>
        <translation>&amp;Web:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>P&amp;lace:</source>
        <translation>&amp;Lugar:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hours:</source>
        <translation>&amp;Horario:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lan&amp;guages:</source>
        <translation>Idio&amp;mas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region / &amp;site:</source>
        <translation>Re&amp;gión / centro:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confidentiality:</source>
        <translation>Confidencialidad:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last verified:</source>
        <translation>Última verificación:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Entry fields</source>
        <translation>Campos de la entrada</translation>
    </message>
</context>
<context>
    <name>ResourceTableModel</name>
    <message>
        <location filename="../../peerdesk/ui/referrals/table_model.py" line="+28"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Region / site</source>
        <translation>Región / centro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used</source>
        <translation>Usos</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Needs local details</source>
        <translation>Faltan datos locales</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not verified recently</source>
        <translation>No verificado recientemente</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Used in 1 session</source>
        <translation>Usado en 1 sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used in {0} sessions</source>
        <translation>Usado en {0} sesiones</translation>
    </message>
</context>
<context>
    <name>ResourcesWorkspace</name>
    <message>
        <location filename="../../peerdesk/ui/referrals/workspace.py" line="+80"/>
        <source>Search name, what they offer, when to refer, region…  (Ctrl+F)</source>
        <translation>Buscar por nombre, lo que ofrecen, cuándo derivar, región…  (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search the directory</source>
        <translation>Buscar en el directorio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by type</source>
        <translation>Filtrar por tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by region or site</source>
        <translation>Filtrar por región o centro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by language</source>
        <translation>Filtrar por idioma</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+168"/>
        <source>&amp;Add entry…</source>
        <translation>&amp;Añadir entrada…</translation>
    </message>
    <message>
        <location line="-166"/>
        <source>Add a directory entry</source>
        <translation>Añadir una entrada al directorio</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Directory entries</source>
        <translation>Entradas del directorio</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No entries match the search and filters.</source>
        <translation>Ninguna entrada coincide con la búsqueda y los filtros.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Clear search and filters</source>
        <translation>&amp;Borrar la búsqueda y los filtros</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Referral directory</source>
        <translation>Directorio</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Your referral directory is empty</source>
        <translation>Tu directorio de derivaciones está vacío</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keep the places you can send someone here: the employee assistance programme, HR, union representatives, helplines. Start from the starter pack — templates for the usual workplace resources that you complete with your local details — or import the pack your coordinator gave you.</source>
        <translation>Guarda aquí los lugares a los que puedes enviar a alguien: el programa de ayuda al empleado, RR. HH., la representación sindical, líneas de ayuda. Empieza con el paquete inicial —plantillas de los recursos habituales en el trabajo que completas con tus datos locales— o importa el paquete que te dio tu coordinador.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+41"/>
        <source>Load &amp;starter pack</source>
        <translation>Cargar el paquete i&amp;nicial</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>&amp;Import a pack…</source>
        <translation>&amp;Importar un paquete…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Add an entry…</source>
        <translation>&amp;Añadir una entrada…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;Edit entry…</source>
        <translation>&amp;Editar entrada…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete entry…</source>
        <translation>E&amp;liminar entrada…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Import pack…</source>
        <translation>&amp;Importar paquete…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport pack…</source>
        <translation>E&amp;xportar paquete…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>All types</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All regions / sites</source>
        <translation>Todas las regiones / centros</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All languages</source>
        <translation>Todos los idiomas</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{0} of {1} entries</source>
        <translation>{0} de {1} entradas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · {0} to check (marked ⚠: needs local details or not verified in a month)</source>
        <translation> · {0} por revisar (marcadas con ⚠: faltan datos locales o sin verificar en un mes)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · {0} to check (marked ⚠: needs local details or not verified in {1} months)</source>
        <translation> · {0} por revisar (marcadas con ⚠: faltan datos locales o sin verificar en {1} meses)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>1 entry</source>
        <translation>1 entrada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} entries</source>
        <translation>{0} entradas</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Entry not saved</source>
        <translation>La entrada no se ha guardado</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete “{0}” from the directory?</source>
        <translation>¿Eliminar «{0}» del directorio?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It is linked to {0}; those sessions keep their referral type but will no longer show this entry.</source>
        <translation>Está vinculada a {0}; esas sesiones conservan el tipo de derivación, pero ya no mostrarán esta entrada.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 session</source>
        <translation>1 sesión</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} sessions</source>
        <translation>{0} sesiones</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importing the pack “{0}” again would bring it back.</source>
        <translation>Si vuelves a importar el paquete «{0}», volverá a aparecer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete entry</source>
        <translation>Eliminar entrada</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Entry not deleted</source>
        <translation>La entrada no se ha eliminado</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Import resource pack</source>
        <translation>Importar paquete de recursos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resource packs (*.json);;All files (*)</source>
        <translation>Paquetes de recursos (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Reading the resource pack…</source>
        <translation>Leyendo el paquete de recursos…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing to import</source>
        <translation>Nada que importar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every entry of “{0}” is already in your directory, unchanged.</source>
        <translation>Todas las entradas de «{0}» ya están en tu directorio, sin cambios.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Importing “{0}”…</source>
        <translation>Importando «{0}»…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} new, {1} updated, {2} unchanged.</source>
        <translation>{0} nuevas, {1} actualizadas, {2} sin cambios.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kept your version of {0}.</source>
        <translation>Se conservó tu versión de {0}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Took the pack&apos;s version of {0}.</source>
        <translation>Se usó la versión del paquete de {0}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Entries marked “needs local details” are templates: add your local contact details to them.</source>
        <translation>Las entradas marcadas con «faltan datos locales» son plantillas: añádeles tus datos de contacto locales.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported “{0}”</source>
        <translation>Se importó «{0}»</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Resource pack {0}</source>
        <translation>Paquete de recursos {0}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Pack exported</source>
        <translation>Paquete exportado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wrote {0} to {1}.</source>
        <translation>Se escribieron {0} en {1}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Writing the resource pack…</source>
        <translation>Escribiendo el paquete de recursos…</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../peerdesk/ui/security/backup_dialogs.py" line="-88"/>
        <source>Restore from backup</source>
        <translation>Restaurar desde una copia de seguridad</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a backup. It is opened and checked before anything changes. Your current journal is then kept aside in its folder (renamed with today&apos;s date and time), never deleted, and the app reopens with the backup. The backup must open with your current passphrase.</source>
        <translation>Elige una copia de seguridad. Se abre y se comprueba antes de cambiar nada. Después, tu diario actual se aparta en su carpeta (renombrado con la fecha y hora de hoy), nunca se elimina, y la aplicación se vuelve a abrir con la copia. La copia debe abrirse con tu frase de contraseña actual.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Automatic backups</source>
        <translation>Copias de seguridad automáticas</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There are no automatic backups yet.</source>
        <translation>Todavía no hay copias de seguridad automáticas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a &amp;file…</source>
        <translation>Elegir un &amp;archivo…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Automatic backups (one a day):</source>
        <translation>Copias de seguridad automáticas (una al día):</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose a backup</source>
        <translation>Elige una copia de seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PeerDesk backups (*.peerdesk);;All files (*)</source>
        <translation>Copias de seguridad de PeerDesk (*.peerdesk);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../../peerdesk/ui/journal/csv_wizard.py" line="+16"/>
        <source>Import</source>
        <translation>Importación</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Adding 1 session…</source>
        <translation>Añadiendo 1 sesión…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adding {0} sessions…</source>
        <translation>Añadiendo {0} sesiones…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Imported</source>
        <translation>Importación completada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added 1 session to your journal.</source>
        <translation>Se añadió 1 sesión a tu diario.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added {0} sessions to your journal.</source>
        <translation>Se añadieron {0} sesiones a tu diario.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not imported</source>
        <translation>No se ha importado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was added. {0}</source>
        <translation>No se ha añadido nada. {0}</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <location filename="../../peerdesk/ui/security/retention.py" line="+46"/>
        <source>Delete old sessions</source>
        <translation>Eliminar sesiones antiguas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sessions older than this are deleted for good, with their notes and reflections. Nothing leaves the journal; deleted text is wiped from the file.</source>
        <translation>Las sesiones anteriores a esto se eliminan para siempre, con sus notas y reflexiones. Nada sale del diario; el texto eliminado se borra del archivo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your journal is set to delete sessions older than {0} months. Confirm to delete them now, or keep them this time.</source>
        <translation>Tu diario está configurado para eliminar las sesiones de hace más de {0} meses. Confirma para eliminarlas ahora o consérvalas esta vez.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Months to keep</source>
        <translation>Meses que se conservan</translation>
    </message>
    <message>
        <location line="+42"/>
        <source> months</source>
        <translation> meses</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Delete sessions older than:</source>
        <translation>Eliminar las sesiones de hace más de:</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Your journal is set to delete sessions older than 1 month. Confirm to delete them now, or keep them this time.</source>
        <translation>Tu diario está configurado para eliminar las sesiones de hace más de 1 mes. Confirma para eliminarlas ahora o consérvalas esta vez.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Offer this every time the journal is unlocked</source>
        <translation>Ofrecer esto cada vez que se desbloquee el diario</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+39"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location line="-15"/>
        <source> month</source>
        <translation> mes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;1 session&lt;/b&gt; dated before {0} will be deleted. This cannot be undone (except by restoring a backup).</source>
        <translation>Se eliminará &lt;b&gt;1 sesión&lt;/b&gt; anterior al {0}. No se puede deshacer (salvo restaurando una copia de seguridad).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete 1 session</source>
        <translation>Eliminar 1 sesión</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;{0} sessions&lt;/b&gt; dated before {1} will be deleted. This cannot be undone (except by restoring a backup).</source>
        <translation>Se eliminarán &lt;b&gt;{0} sesiones&lt;/b&gt; con fecha anterior al {1}. No se puede deshacer (salvo restaurando una copia de seguridad).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete {0} sessions</source>
        <translation>Eliminar {0} sesiones</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No session is dated before {0}; nothing to delete.</source>
        <translation>Ninguna sesión tiene fecha anterior al {0}; no hay nada que eliminar.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Deleting old sessions…</source>
        <translation>Eliminando sesiones antiguas…</translation>
    </message>
</context>
<context>
    <name>SafetyNumbersDialog</name>
    <message>
        <location filename="../../peerdesk/ui/safety_numbers.py" line="+32"/>
        <source>Numbers for a crisis</source>
        <translation>Números para una crisis</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>If someone you support may be in danger, the escalation steps show these numbers so you do not have to look them up. They stay inside your encrypted journal; you can change them any time in Settings (Safety).</source>
        <translation>Si alguien a quien apoyas puede estar en peligro, los pasos de actuación muestran estos números para que no tengas que buscarlos. Se guardan dentro de tu diario cifrado; puedes cambiarlos cuando quieras en Ajustes (Seguridad).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Crisis line</source>
        <translation>Línea de crisis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. a national helpline</source>
        <translation>p. ej., una línea de ayuda nacional</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Local emergency number</source>
        <translation>Número local de emergencias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 112, 999 or 911</source>
        <translation>p. ej., 112, 999 o 911</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Crisis line:</source>
        <translation>&amp;Línea de crisis:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local &amp;emergency number:</source>
        <translation>Número local de &amp;emergencias:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Skip for now</source>
        <translation>Omitir por ahora</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>ScenarioPanel</name>
    <message>
        <location filename="../../peerdesk/ui/guides/browser.py" line="-746"/>
        <source>&lt;b&gt;Your answer&lt;/b&gt; — what would you say? Try it before you look at the examples.</source>
        <translation>&lt;b&gt;Tu respuesta&lt;/b&gt;: ¿qué dirías? Inténtalo antes de mirar los ejemplos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Private: kept only in your encrypted journal, never printed or exported.</source>
        <translation>Privada: solo se guarda en tu diario cifrado; nunca se imprime ni se exporta.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved: you are reading without a journal, so this answer is forgotten when you close the guides.</source>
        <translation>No se guarda: estás leyendo sin un diario, así que esta respuesta se pierde al cerrar las guías.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your answer</source>
        <translation>Tu respuesta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write what you would say to your colleague…</source>
        <translation>Escribe lo que le dirías a tu compañero o compañera…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <location line="+13"/>
        <location line="+7"/>
        <source>Show example responses</source>
        <translation>Mostrar respuestas de ejemplo</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+7"/>
        <source>Hide example responses</source>
        <translation>Ocultar respuestas de ejemplo</translation>
    </message>
</context>
<context>
    <name>SecurityGuard</name>
    <message>
        <location filename="../../peerdesk/ui/security/guard.py" line="-179"/>
        <source>Automatic backup</source>
        <translation>Copia de seguridad automática</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today&apos;s automatic backup could not be made: {0}</source>
        <translation>No se pudo hacer la copia de seguridad automática de hoy: {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Backing up…</source>
        <translation>Haciendo la copia de seguridad…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Looking for a good backup…</source>
        <translation>Buscando una copia de seguridad válida…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The journal file is damaged</source>
        <translation>El archivo del diario está dañado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your journal could not be opened, but the automatic backup from {0} opens with this passphrase and passed the integrity check, so the journal file itself is damaged.

Restore that backup? The damaged file is kept aside in the same folder, never overwritten. Changes made after {0} are not in the backup.</source>
        <translation>No se pudo abrir tu diario, pero la copia de seguridad automática del {0} se abre con esta frase de contraseña y ha superado la comprobación de integridad, así que el propio archivo del diario está dañado.

¿Restaurar esa copia? El archivo dañado se aparta en la misma carpeta y nunca se sobrescribe. Los cambios posteriores al {0} no están en la copia.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restore the backup</source>
        <translation>Restaurar la copia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Backup restored</source>
        <translation>Copia de seguridad restaurada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup is now your journal. The previous file was kept as {0}.</source>
        <translation>La copia de seguridad es ahora tu diario. El archivo anterior se conservó como {0}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore from backup</source>
        <translation>Restaurar desde una copia de seguridad</translation>
    </message>
</context>
<context>
    <name>SessionEditor</name>
    <message>
        <location filename="../../peerdesk/ui/journal/editor.py" line="+223"/>
        <source>Show all sessions with this peer code</source>
        <translation>Mostrar todas las sesiones con este código de persona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All sessions with this peer code (Ctrl+T)</source>
        <translation>Todas las sesiones con este código de persona (Ctrl+T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete this session</source>
        <translation>Eliminar esta sesión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close the editor</source>
        <translation>Cerrar el editor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the list (Esc)</source>
        <translation>Volver a la lista (Esc)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the session</source>
        <translation>Guardar la sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save (Ctrl+S)</source>
        <translation>Guardar (Ctrl+S)</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Peer timeline</source>
        <translation>Historial de la persona</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Restored from an unsaved draft</source>
        <translation>Recuperada de un borrador sin guardar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved · revision {0}</source>
        <translation>Guardada · revisión {0}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New session</source>
        <translation>Nueva sesión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no peer code</source>
        <translation>sin código de persona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session on {0} · {1}</source>
        <translation>Sesión del {0} · {1}</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Not saved</source>
        <translation>No se ha guardado</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved at {0} · revision {1}</source>
        <translation>Guardada a las {0} · revisión {1}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Draft kept at {0}</source>
        <translation>Borrador conservado a las {0}</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This session has changes that are not saved yet.</source>
        <translation>Esta sesión tiene cambios que aún no se han guardado.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save them before leaving the session?</source>
        <translation>¿Guardarlos antes de salir de la sesión?</translation>
    </message>
</context>
<context>
    <name>SessionListModel</name>
    <message>
        <location filename="../../peerdesk/ui/journal/list_model.py" line="+132"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Peer code</source>
        <translation>Código de persona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How</source>
        <translation>Medio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What is happening</source>
        <translation>Qué está pasando</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counted</source>
        <translation>Contada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Risk</source>
        <translation>Riesgo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Match</source>
        <translation>Coincidencia</translation>
    </message>
    <message>
        <location line="+198"/>
        <source>Whether the peer agreed to be counted in program statistics</source>
        <translation>Si la persona aceptó que se contara en las estadísticas del programa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not sortable</source>
        <translation>No se puede ordenar</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} (group)</source>
        <translation>{0} (grupo)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Agreed to be counted in de-identified statistics</source>
        <translation>Aceptó que se contara en las estadísticas anonimizadas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not counted: no consent to de-identified statistics</source>
        <translation>No se cuenta: sin consentimiento para las estadísticas anonimizadas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow-up done</source>
        <translation>Seguimiento hecho</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow-up overdue</source>
        <translation>Seguimiento atrasado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up planned</source>
        <translation>Seguimiento previsto</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../peerdesk/ui/declared_strings.py" line="-471"/>
        <source>Security</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock after idle minutes</source>
        <translation>Bloquear tras minutos de inactividad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock the journal after this many minutes without input (0 turns it off).</source>
        <translation>Bloquea el diario tras estos minutos sin actividad (0 lo desactiva).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock when minimised</source>
        <translation>Bloquear al minimizar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear copied text after seconds</source>
        <translation>Borrar el texto copiado tras segundos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text copied from a session is cleared from the clipboard after this long (0 keeps it).</source>
        <translation>El texto copiado de una sesión se borra del portapapeles pasado este tiempo (0 lo conserva).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Safety</source>
        <translation>Emergencias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crisis line</source>
        <translation>Línea de crisis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The crisis or support line the escalation steps show when someone may be at risk, e.g. a national helpline. Leave empty if there is none.</source>
        <translation>La línea de crisis o de apoyo que muestran los pasos de actuación cuando alguien puede estar en riesgo, p. ej., una línea de ayuda nacional. Déjala vacía si no hay ninguna.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local emergency number</source>
        <translation>Número local de emergencias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The number for immediate danger where you work, e.g. 112, 999 or 911.</source>
        <translation>El número para un peligro inmediato donde trabajas, p. ej., 112, 999 o 911.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>Exportación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation units</source>
        <translation>Unidades de la organización</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units the coordinator supplies; a summary names yours only when it is on this list. Empty: no unit is exported.</source>
        <translation>Unidades que facilita la coordinación; un resumen nombra la tuya solo si está en esta lista. Vacía: no se exporta ninguna unidad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smallest count shown</source>
        <translation>Recuento mínimo que se muestra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Program figures are rounded to multiples of this; counts from 1 to this minus one are shown as &apos;&lt;k&apos;.</source>
        <translation>Las cifras del programa se redondean a múltiplos de este valor; los recuentos de 1 a este valor menos uno se muestran como «&lt;k».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic backups to keep</source>
        <translation>Copias de seguridad automáticas que se conservan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily encrypted backups kept in the data folder (0 turns them off).</source>
        <translation>Copias cifradas diarias que se guardan en la carpeta de datos (0 las desactiva).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retention</source>
        <translation>Conservación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete sessions older than months</source>
        <translation>Eliminar sesiones de hace más de meses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off when 0. You are shown how many sessions will go before anything is deleted.</source>
        <translation>Desactivado con 0. Antes de eliminar nada, se te muestra cuántas sesiones se borrarán.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resources</source>
        <translation>Recursos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warn on resources unverified for months</source>
        <translation>Avisar de recursos sin verificar durante meses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As the system</source>
        <translation>Como el sistema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Español</source>
        <translation>Español</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open at start</source>
        <translation>Abrir al inicio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Journal</source>
        <translation>Diario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-ups</source>
        <translation>Seguimientos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guides</source>
        <translation>Guías</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../peerdesk/ui/settings_dialog.py" line="-145"/>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>The recovery kit is a printed page with a recovery code: it opens this journal if you forget the passphrase. Make a new code (the old one then stops working), print the kit again, or turn the kit off if you prefer no way back.</source>
        <translation>El kit de recuperación es una página impresa con un código de recuperación: abre este diario si olvidas la frase de contraseña. Crea un código nuevo (el anterior deja de funcionar), vuelve a imprimir el kit o desactívalo si prefieres no tener ninguna vía de vuelta.</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Recovery &amp;kit…</source>
        <translation>&amp;Kit de recuperación…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Recovery kit:</source>
        <translation>Kit de recuperación:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>One per line</source>
        <translation>Una por línea</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PeerDesk will use the new language the next time you start it.</source>
        <translation>PeerDesk usará el nuevo idioma la próxima vez que lo inicies.</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../peerdesk/ui/shortcuts.py" line="+36"/>
        <source>Everywhere</source>
        <translation>En toda la aplicación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Journal</source>
        <translation>Diario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session editor</source>
        <translation>Editor de sesiones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-ups</source>
        <translation>Seguimientos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referral directory</source>
        <translation>Directorio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guides</source>
        <translation>Guías</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>List keyboard shortcuts</source>
        <translation>Ver los atajos de teclado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock the journal</source>
        <translation>Bloquear el diario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export a summary</source>
        <translation>Exportar un resumen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show or hide the quick reference</source>
        <translation>Mostrar u ocultar la referencia rápida</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New session</source>
        <translation>Nueva sesión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to workspace 1 to 5</source>
        <translation>Ir a los espacios de trabajo 1 a 5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search sessions</source>
        <translation>Buscar sesiones</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sessions with the selected peer code</source>
        <translation>Sesiones con el código de persona seleccionado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the selected session</source>
        <translation>Abrir la sesión seleccionada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the selected session</source>
        <translation>Eliminar la sesión seleccionada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the session</source>
        <translation>Guardar la sesión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the list</source>
        <translation>Volver a la lista</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sessions with this peer code</source>
        <translation>Sesiones con este código de persona</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark the selected follow-up done</source>
        <translation>Marcar como hecho el seguimiento seleccionado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search the directory</source>
        <translation>Buscar en el directorio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit the selected entry</source>
        <translation>Editar la entrada seleccionada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forward</source>
        <translation>Adelante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find in page</source>
        <translation>Buscar en la página</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search guides</source>
        <translation>Buscar guías</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark as completed</source>
        <translation>Marcar como completada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import summaries</source>
        <translation>Importar resúmenes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the PDF report</source>
        <translation>Exportar el informe en PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the CSV tables</source>
        <translation>Exportar las tablas CSV</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../peerdesk/ui/help_dialogs.py" line="-44"/>
        <location line="+4"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tab and Shift+Tab move between fields; Space ticks a box; Enter activates the default button; Alt with an underlined letter goes to that field.</source>
        <translation>Tab y Mayús+Tab pasan de un campo a otro; Espacio marca una casilla; Intro activa el botón predeterminado; Alt con una letra subrayada lleva a ese campo.</translation>
    </message>
</context>
<context>
    <name>ShownTableModel</name>
    <message>
        <location filename="../../peerdesk/ui/program/tables.py" line="-144"/>
        <source>A small count (1 to {0} in a month): hidden to protect privacy.</source>
        <translation>Un recuento pequeño (de 1 a {0} en un mes): se oculta para proteger la privacidad.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hidden to protect privacy.</source>
        <translation>Se oculta para proteger la privacidad.</translation>
    </message>
    <message>
        <location line="+79"/>
        <location line="+5"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Total mentions</source>
        <translation>Total de menciones</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../../peerdesk/ui/start_screen.py" line="-132"/>
        <location line="+2"/>
        <source>Read the guides</source>
        <translation>Leer las guías</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guides and practice scenarios; no journal or passphrase needed</source>
        <translation>Guías y casos prácticos; no hace falta diario ni frase de contraseña</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location line="+163"/>
        <source>Unlock your journal</source>
        <translation>Desbloquea tu diario</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>Type your passphrase to open your journal.</source>
        <translation>Escribe tu frase de contraseña para abrir tu diario.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Journal: {0}</source>
        <translation>Diario: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type your passphrase first.</source>
        <translation>Escribe primero tu frase de contraseña.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unlocking…</source>
        <translation>Desbloqueando…</translation>
    </message>
</context>
<context>
    <name>WorkspaceShell</name>
    <message>
        <location filename="../../peerdesk/ui/main_window.py" line="-293"/>
        <source>Workspaces</source>
        <translation>Espacios de trabajo</translation>
    </message>
</context>
</TS>
