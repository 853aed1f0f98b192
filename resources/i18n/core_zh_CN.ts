<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>core</name>
        <message>
            <source>
This database holds DEMONSTRATION data.</source>
            <translation>
本数据库包含演示数据。</translation>
        </message>
        <message>
            <source>A {table} row with id {id} exists already.</source>
            <translation>{table} 表中已有 id 为 {id} 的记录。</translation>
        </message>
        <message>
            <source>Aborted.</source>
            <translation>已取消。</translation>
        </message>
        <message>
            <source>Add the demonstration data set (clearly marked).</source>
            <translation>加入演示数据（有明显标记）。</translation>
        </message>
        <message>
            <source>An operation names the unknown table {table}; nothing was applied.</source>
            <translation>某条操作指向未知的数据表 {table}；未应用任何操作。</translation>
        </message>
        <message>
            <source>Balance of lot {lot} at depot {depot} is {have} but the ledger sums to {want}; run check --rebuild.</source>
            <translation>仓库 {depot} 中批次 {lot} 的结存为 {have}，但台账合计为 {want}；请运行 check --rebuild。</translation>
        </message>
        <message>
            <source>BioReserve — biosafety emergency reserves and response (生物安全应急储备与处置系统).</source>
            <translation>生物安全应急储备与处置系统（BioReserve）。</translation>
        </message>
        <message>
            <source>Cannot create the folder {folder}: {reason}</source>
            <translation>无法创建文件夹 {folder}：{reason}</translation>
        </message>
        <message>
            <source>Cannot open {path}. Check that the folder exists and is writable.</source>
            <translation>无法打开 {path}。请确认文件夹存在且可写。</translation>
        </message>
        <message>
            <source>Check integrity and that every row matches its operations.</source>
            <translation>检查数据库完整性，并核对每条记录与其操作日志是否一致。</translation>
        </message>
        <message>
            <source>Create a database for this station: identity, key pair, Hengyang reference data.</source>
            <translation>为本站创建数据库：站点身份、密钥对、衡阳市基础数据。</translation>
        </message>
        <message>
            <source>Created {path}
Station: {name} ({code})
Key fingerprint: {fingerprint}{demo}</source>
            <translation>已创建 {path}
站点：{name}（{code}）
密钥指纹：{fingerprint}{demo}</translation>
        </message>
        <message>
            <source>DEMONSTRATION DATA — not for real operations.</source>
            <translation>演示数据——不得用于实际处置。</translation>
        </message>
        <message>
            <source>Database error in {path}: {reason}</source>
            <translation>数据库 {path} 出错：{reason}</translation>
        </message>
        <message>
            <source>Database file (default: $BIORESERVE_DB, else bioreserve.db in the user data folder).</source>
            <translation>数据库文件（默认：环境变量 BIORESERVE_DB，否则为用户数据文件夹中的 bioreserve.db）。</translation>
        </message>
        <message>
            <source>Database: {path}</source>
            <translation>数据库：{path}</translation>
        </message>
        <message>
            <source>Error: {message}</source>
            <translation>错误：{message}</translation>
        </message>
        <message>
            <source>First rebuild the derived tables from the facts.</source>
            <translation>先根据原始记录重建派生表。</translation>
        </message>
        <message>
            <source>Key fingerprint: {fingerprint}</source>
            <translation>密钥指纹：{fingerprint}</translation>
        </message>
        <message>
            <source>No database at {path}. Create one with `bioreserve init` (add --demo for demonstration data) or choose another file.</source>
            <translation>{path} 处没有数据库。请用 `bioreserve init` 创建（加 --demo 可包含演示数据），或选择其他文件。</translation>
        </message>
        <message>
            <source>No problems found.</source>
            <translation>未发现问题。</translation>
        </message>
        <message>
            <source>No {table} row with id {id}.</source>
            <translation>{table} 表中没有 id 为 {id} 的记录。</translation>
        </message>
        <message>
            <source>Not enough free disk space next to {path} for a backup before the upgrade. Free some space and open the database again.</source>
            <translation>{path} 所在磁盘空间不足，无法在升级前备份。请释放空间后重新打开数据库。</translation>
        </message>
        <message>
            <source>Operation {ref} differs from the one this station already holds under the same number: one of the two databases was altered. Nothing was applied.</source>
            <translation>操作 {ref} 与本站已有的同编号操作不一致：两个数据库之一被篡改。未应用任何操作。</translation>
        </message>
        <message>
            <source>Operation {ref} does not continue the hash chain of its station: it was altered or comes from a forked database. Nothing was applied.</source>
            <translation>操作 {ref} 与其来源站点的哈希链不衔接：该操作被篡改，或来自复制分叉的数据库。未应用任何操作。</translation>
        </message>
        <message>
            <source>Print machine-readable JSON.</source>
            <translation>输出机器可读的 JSON。</translation>
        </message>
        <message>
            <source>Rebuilt {balances} balances and {clocks} row clocks.</source>
            <translation>已重建 {balances} 条库存结存和 {clocks} 条记录时钟。</translation>
        </message>
        <message>
            <source>Records in {table} are never changed; record a correcting entry instead.</source>
            <translation>{table} 中的记录不可修改；请登记一笔更正记录。</translation>
        </message>
        <message>
            <source>Records in {table} are never deleted; record a correcting entry instead.</source>
            <translation>{table} 中的记录不可删除；请登记一笔更正记录。</translation>
        </message>
        <message>
            <source>Rows per table:</source>
            <translation>各数据表记录数：</translation>
        </message>
        <message>
            <source>Schema version: {version}</source>
            <translation>数据库结构版本：{version}</translation>
        </message>
        <message>
            <source>Show the schema version, the station and the counts per table.</source>
            <translation>显示数据库结构版本、站点信息和各数据表记录数。</translation>
        </message>
        <message>
            <source>Station code used in order numbers, e.g. HY-CITY.</source>
            <translation>站点代码，用于调拨单编号，例如 HY-CITY。</translation>
        </message>
        <message>
            <source>Station code “{code}” is not valid: use 2–16 letters, digits or hyphens, starting with a letter or digit (for example HY-CITY or 430421).</source>
            <translation>站点代码“{code}”无效：请使用 2–16 位字母、数字或连字符，并以字母或数字开头（例如 HY-CITY 或 430421）。</translation>
        </message>
        <message>
            <source>Station name, e.g. 衡阳市应急管理局.</source>
            <translation>站点名称，例如 衡阳市应急管理局。</translation>
        </message>
        <message>
            <source>Station {code}</source>
            <translation>站点 {code}</translation>
        </message>
        <message>
            <source>Station {origin}: operation {seq} is missing.</source>
            <translation>站点 {origin}：缺少第 {seq} 号操作。</translation>
        </message>
        <message>
            <source>Station {origin}: operation {seq} was altered after it was recorded.</source>
            <translation>站点 {origin}：第 {seq} 号操作在记录后被篡改。</translation>
        </message>
        <message>
            <source>Station {origin}: the version vector does not match the log.</source>
            <translation>站点 {origin}：版本向量与操作日志不一致。</translation>
        </message>
        <message>
            <source>Station: {name} ({code})</source>
            <translation>站点：{name}（{code}）</translation>
        </message>
        <message>
            <source>Table {table} has no field(s) {fields}; the change comes from a newer BioReserve. Update this station first.</source>
            <translation>数据表 {table} 没有字段 {fields}；该变更来自更新版本的系统。请先升级本站软件。</translation>
        </message>
        <message>
            <source>The database {path} is in use by another program. Close the other BioReserve window or command and try again.</source>
            <translation>数据库 {path} 正被其他程序使用。请关闭另一个系统窗口或命令后重试。</translation>
        </message>
        <message>
            <source>The database {path} is read-only. Copy it to a writable folder or ask your administrator for write access.</source>
            <translation>数据库 {path} 为只读。请将其复制到可写的文件夹，或请管理员授予写权限。</translation>
        </message>
        <message>
            <source>The database {path} is read-only; nothing can be changed. Copy it to a writable folder or ask your administrator for write access.</source>
            <translation>数据库 {path} 为只读，无法修改任何数据。请将其复制到可写的文件夹，或请管理员授予写权限。</translation>
        </message>
        <message>
            <source>The database {path} was made by a newer BioReserve (schema {found}, this program knows up to {known}). Install the newer version.</source>
            <translation>数据库 {path} 由更新版本的系统创建（结构版本 {found}，本程序最高支持 {known}）。请安装新版本。</translation>
        </message>
        <message>
            <source>The disk holding {path} is full. Free some space and try again.</source>
            <translation>{path} 所在磁盘已满。请释放空间后重试。</translation>
        </message>
        <message>
            <source>The file {path} is not a BioReserve database or is damaged. Restore it from a backup (the .bak files beside it) or choose another file.</source>
            <translation>文件 {path} 不是本系统的数据库或已损坏。请从备份恢复（同目录下的 .bak 文件），或选择其他文件。</translation>
        </message>
        <message>
            <source>The read-only database {path} needs a schema upgrade, which cannot be written. Copy it to a writable folder first.</source>
            <translation>只读数据库 {path} 需要升级结构，但无法写入。请先将其复制到可写的文件夹。</translation>
        </message>
        <message>
            <source>The station needs a name, for example 衡阳市应急管理局.</source>
            <translation>请填写站点名称，例如 衡阳市应急管理局。</translation>
        </message>
        <message>
            <source>This database already belongs to a station; its identity is kept.</source>
            <translation>该数据库已属于某个站点，站点身份保持不变。</translation>
        </message>
        <message>
            <source>This database has no station identity yet. Run `bioreserve init` to give it one.</source>
            <translation>该数据库尚无站点身份。请运行 `bioreserve init` 进行初始化。</translation>
        </message>
        <message>
            <source>Unexpected error: {error}. Details were written to {log}; please send that file to your administrator.</source>
            <translation>发生意外错误：{error}。详细信息已写入 {log}，请将该文件发送给系统管理员。</translation>
        </message>
        <message>
            <source>Upgrading {path} with {migration} failed ({reason}); nothing was changed and a backup is at {backup}.</source>
            <translation>使用 {migration} 升级 {path} 失败（{reason}）；数据未被修改，备份位于 {backup}。</translation>
        </message>
        <message>
            <source>{count} problem(s) found.</source>
            <translation>共发现 {count} 个问题。</translation>
        </message>
        <message>
            <source>{path} already holds a BioReserve station; it was left unchanged. Choose another file with --db to create a new one.</source>
            <translation>{path} 已是一个站点的数据库，未作任何改动。如需新建，请用 --db 指定其他文件。</translation>
        </message>
        <message>
            <source>{table} is not a synced table.</source>
            <translation>{table} 不是同步数据表。</translation>
        </message>
        <message>
            <source>{table} row {id} differs from its operations in {fields}.</source>
            <translation>{table} 表记录 {id} 的字段 {fields} 与其操作日志不一致。</translation>
        </message>
        <message>
            <source>{table} row {id} has no operation: it was written outside the write path.</source>
            <translation>{table} 表记录 {id} 没有对应操作：它是绕过系统写入路径写入的。</translation>
        </message>
        <message>
            <source>{table} row {id} has operations but no row.</source>
            <translation>{table} 表记录 {id} 有操作日志但记录不存在。</translation>
        </message>
        <message>
            <source>{table} row {rowid} refers to a missing {parent} row.</source>
            <translation>{table} 表第 {rowid} 行引用了不存在的 {parent} 记录。</translation>
        </message>
    </context>
</TS>