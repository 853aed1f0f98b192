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
        <message>
            <source>A GB/T 38565 code has 7 digits, e.g. 2010101.</source>
            <translation>GB/T 38565 编码为 7 位数字，例如 2010101。</translation>
        </message>
        <message>
            <source>A lot's status must be one of {choices}.</source>
            <translation>批次状态必须是以下之一：{choices}。</translation>
        </message>
        <message>
            <source>A reserve norm cannot be negative.</source>
            <translation>储备定额不能为负数。</translation>
        </message>
        <message>
            <source>A transfer needs two different depots.</source>
            <translation>调拨需要两个不同的仓库。</translation>
        </message>
        <message>
            <source>Batch number (default: FEFO across usable lots).</source>
            <translation>批号（默认：在可用批次中按近效期先出）。</translation>
        </message>
        <message>
            <source>Batch number.</source>
            <translation>批号。</translation>
        </message>
        <message>
            <source>Below norm</source>
            <translation>低于定额</translation>
        </message>
        <message>
            <source>Below norm, out of stock, near expiry and expired.</source>
            <translation>低于定额、缺货、近效期和已过期预警。</translation>
        </message>
        <message>
            <source>Book {book}, counted {counted}: adjusted by {difference}.</source>
            <translation>账面 {book}，实盘 {counted}：调整 {difference}。</translation>
        </message>
        <message>
            <source>Cannot issue from {reason}; such stock leaves only by write-off.</source>
            <translation>不能出库：{reason}；此类库存只能报废出库。</translation>
        </message>
        <message>
            <source>Catalogue items.</source>
            <translation>物资目录。</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>City: {percent}% ({met} of {lines} norm lines met)</source>
            <translation>全市：{percent}%（{lines} 项定额中 {met} 项达标）</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>编码</translation>
        </message>
        <message>
            <source>Compliance with the norms: city, depots, categories.</source>
            <translation>储备定额达标率：全市、各仓库、各类别。</translation>
        </message>
        <message>
            <source>Counted quantity</source>
            <translation>盘点数量</translation>
        </message>
        <message>
            <source>Days left</source>
            <translation>剩余天数</translation>
        </message>
        <message>
            <source>Depot</source>
            <translation>仓库</translation>
        </message>
        <message>
            <source>Depot code {code} is already used.</source>
            <translation>仓库编码 {code} 已被使用。</translation>
        </message>
        <message>
            <source>Depot code.</source>
            <translation>仓库编码。</translation>
        </message>
        <message>
            <source>Depots.</source>
            <translation>储备仓库。</translation>
        </message>
        <message>
            <source>Division</source>
            <translation>区划</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>已过期</translation>
        </message>
        <message>
            <source>Expiry</source>
            <translation>有效期至</translation>
        </message>
        <message>
            <source>Expiry date</source>
            <translation>有效期至</translation>
        </message>
        <message>
            <source>Expiry date, e.g. 2027-03-01 (required for new lots of items managed by expiry).</source>
            <translation>有效期至，例如 2027-03-01（效期管理物资的新批次必填）。</translation>
        </message>
        <message>
            <source>From</source>
            <translation>调出</translation>
        </message>
        <message>
            <source>In transit:</source>
            <translation>在途：</translation>
        </message>
        <message>
            <source>Issue stock (出库), earliest expiry first unless --lot.</source>
            <translation>出库，未指定 --lot 时按近效期先出。</translation>
        </message>
        <message>
            <source>Issued:</source>
            <translation>已出库：</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>物资</translation>
        </message>
        <message>
            <source>Item code {code} is already used.</source>
            <translation>物资编码 {code} 已被使用。</translation>
        </message>
        <message>
            <source>Item code.</source>
            <translation>物资编码。</translation>
        </message>
        <message>
            <source>Item {item} has no lot {batch}.</source>
            <translation>物资 {item} 没有批号为 {batch} 的批次。</translation>
        </message>
        <message>
            <source>Item {item} has no lot {batch}; receive it instead.</source>
            <translation>物资 {item} 没有批号为 {batch} 的批次；请改为入库登记。</translation>
        </message>
        <message>
            <source>Keep --near-days as this station's setting.</source>
            <translation>将 --near-days 保存为本站设置。</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>级别</translation>
        </message>
        <message>
            <source>Lines</source>
            <translation>项数</translation>
        </message>
        <message>
            <source>List catalogue items; --search matches code, name or pinyin.</source>
            <translation>列出物资目录；--search 匹配编码、名称或拼音。</translation>
        </message>
        <message>
            <source>List depots.</source>
            <translation>列出储备仓库。</translation>
        </message>
        <message>
            <source>Look this many days ahead.</source>
            <translation>向后查看的天数。</translation>
        </message>
        <message>
            <source>Lot</source>
            <translation>批号</translation>
        </message>
        <message>
            <source>Lot {batch} of {item} is recorded with expiry {recorded}, not {given}.</source>
            <translation>物资 {item} 的批次 {batch} 登记的有效期为 {recorded}，而不是 {given}。</translation>
        </message>
        <message>
            <source>Manufacturer.</source>
            <translation>生产厂家。</translation>
        </message>
        <message>
            <source>Met</source>
            <translation>达标</translation>
        </message>
        <message>
            <source>More received ({received}) than sent ({sent}): check the count.</source>
            <translation>实收数量（{received}）多于发出数量（{sent}）：请核对。</translation>
        </message>
        <message>
            <source>Move</source>
            <translation>调出数量</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Near expiry</source>
            <translation>近效期</translation>
        </message>
        <message>
            <source>Near-expiry reserve lots to rotate to hospitals.</source>
            <translation>需轮换至医疗机构的近效期储备批次。</translation>
        </message>
        <message>
            <source>Near-expiry thresholds are 1 to 5 positive day counts, e.g. 30,90,180.</source>
            <translation>近效期预警阈值为 1 至 5 个正整数天数，例如 30,90,180。</translation>
        </message>
        <message>
            <source>Near-expiry thresholds in days, e.g. 30,90,180.</source>
            <translation>近效期预警阈值（天），例如 30,90,180。</translation>
        </message>
        <message>
            <source>No catalogue item with code {code}.</source>
            <translation>物资目录中没有编码为 {code} 的物资。</translation>
        </message>
        <message>
            <source>No depot with code {code}.</source>
            <translation>没有编码为 {code} 的仓库。</translation>
        </message>
        <message>
            <source>No transfer {id}.</source>
            <translation>没有调拨记录 {id}。</translation>
        </message>
        <message>
            <source>Norm</source>
            <translation>定额</translation>
        </message>
        <message>
            <source>Norm in the item's base unit.</source>
            <translation>定额（按物资基本计量单位）。</translation>
        </message>
        <message>
            <source>Norm of {item} at {depot}: {qty}</source>
            <translation>仓库 {depot} 中 {item} 的储备定额：{qty}</translation>
        </message>
        <message>
            <source>One line per lot, with its expiry.</source>
            <translation>按批次逐行列出，含有效期。</translation>
        </message>
        <message>
            <source>Only this depot (code).</source>
            <translation>仅此仓库（编码）。</translation>
        </message>
        <message>
            <source>Only this item (code).</source>
            <translation>仅此物资（编码）。</translation>
        </message>
        <message>
            <source>Only {held} {unit} of lot {batch} are at {depot}; {qty} requested.</source>
            <translation>仓库 {depot} 中批次 {batch} 仅有 {held} {unit}，申请数量为 {qty}。</translation>
        </message>
        <message>
            <source>Only {usable} {unit} of {item} can be issued at {depot} (unexpired, released lots); {qty} requested.</source>
            <translation>仓库 {depot} 中 {item} 可出库数量仅 {usable} {unit}（未过期且合格的批次），申请数量为 {qty}。</translation>
        </message>
        <message>
            <source>Out of stock</source>
            <translation>缺货</translation>
        </message>
        <message>
            <source>Production date</source>
            <translation>生产日期</translation>
        </message>
        <message>
            <source>Production date.</source>
            <translation>生产日期。</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Quantity counted.</source>
            <translation>实盘数量。</translation>
        </message>
        <message>
            <source>Quantity in the item's base unit.</source>
            <translation>数量（按物资基本计量单位）。</translation>
        </message>
        <message>
            <source>Quantity received</source>
            <translation>实收数量</translation>
        </message>
        <message>
            <source>Quantity that arrived (default: as sent).</source>
            <translation>实收数量（默认：与发出数量相同）。</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Reason for a difference.</source>
            <translation>差异原因。</translation>
        </message>
        <message>
            <source>Reason or destination.</source>
            <translation>原因或去向。</translation>
        </message>
        <message>
            <source>Receive a transfer at its destination.</source>
            <translation>在调入仓库确认调拨到货。</translation>
        </message>
        <message>
            <source>Receive stock (入库).</source>
            <translation>入库。</translation>
        </message>
        <message>
            <source>Received {qty} of {item} lot {lot} at {depot}.</source>
            <translation>已入库：{depot} 收到 {item} 批次 {lot} 共 {qty}。</translation>
        </message>
        <message>
            <source>Received {received} of {sent} sent.</source>
            <translation>发出 {sent}，已实收 {received}。</translation>
        </message>
        <message>
            <source>Receiving depot code.</source>
            <translation>调入仓库编码。</translation>
        </message>
        <message>
            <source>Record a stock count (盘点) of one lot.</source>
            <translation>登记某一批次的盘点结果。</translation>
        </message>
        <message>
            <source>Replace</source>
            <translation>需补充</translation>
        </message>
        <message>
            <source>Reserve norm</source>
            <translation>储备定额</translation>
        </message>
        <message>
            <source>Reserve norms (储备定额).</source>
            <translation>储备定额。</translation>
        </message>
        <message>
            <source>Sending depot code.</source>
            <translation>调出仓库编码。</translation>
        </message>
        <message>
            <source>Set the reserve norm of an item at a depot.</source>
            <translation>设置某仓库某物资的储备定额。</translation>
        </message>
        <message>
            <source>Short</source>
            <translation>缺口</translation>
        </message>
        <message>
            <source>Specification</source>
            <translation>规格型号</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Stock on hand per depot and item (--by-lot: per lot).</source>
            <translation>各仓库各物资的库存（--by-lot：按批次）。</translation>
        </message>
        <message>
            <source>Storage must be 常温, 阴凉 or 冷链.</source>
            <translation>储存条件必须是 常温、阴凉 或 冷链。</translation>
        </message>
        <message>
            <source>Text, or pinyin initials such as kz for 口罩.</source>
            <translation>文字，或拼音首字母，例如 kz 表示口罩。</translation>
        </message>
        <message>
            <source>The batch number is required.</source>
            <translation>请填写批号。</translation>
        </message>
        <message>
            <source>The depot code is required.</source>
            <translation>请填写仓库编码。</translation>
        </message>
        <message>
            <source>The depot level must be one of {choices}.</source>
            <translation>仓库级别必须是以下之一：{choices}。</translation>
        </message>
        <message>
            <source>The depot name is required.</source>
            <translation>请填写仓库名称。</translation>
        </message>
        <message>
            <source>The item code is required.</source>
            <translation>请填写物资编码。</translation>
        </message>
        <message>
            <source>The item is still held in stock ({qty}); issue or write it off first.</source>
            <translation>该物资仍有库存（{qty}），请先出库或报废。</translation>
        </message>
        <message>
            <source>The item name is required.</source>
            <translation>请填写物资名称。</translation>
        </message>
        <message>
            <source>The newest movements of the ledger.</source>
            <translation>最新的台账记录。</translation>
        </message>
        <message>
            <source>The pack size is a whole number of at least 1.</source>
            <translation>包装规格数量必须是不小于 1 的整数。</translation>
        </message>
        <message>
            <source>The phone number {phone} is not valid.</source>
            <translation>电话号码 {phone} 无效。</translation>
        </message>
        <message>
            <source>The production date is after the expiry date.</source>
            <translation>生产日期晚于有效期。</translation>
        </message>
        <message>
            <source>The search index names a missing item {id}; run check --rebuild.</source>
            <translation>搜索索引引用了不存在的物资 {id}；请运行 check --rebuild。</translation>
        </message>
        <message>
            <source>The search index of item {id} is out of date; run check --rebuild.</source>
            <translation>物资 {id} 的搜索索引已过时；请运行 check --rebuild。</translation>
        </message>
        <message>
            <source>The source must be one of 采购, 捐赠, 调入, 退库.</source>
            <translation>来源必须是 采购、捐赠、调入 或 退库。</translation>
        </message>
        <message>
            <source>The stock ledger: receive, issue, transfer, count, write off, balances.</source>
            <translation>库存台账：入库、出库、调拨、盘点、报废、结存。</translation>
        </message>
        <message>
            <source>The unit of measure is required, e.g. 个, 盒, 瓶.</source>
            <translation>请填写计量单位，例如 个、盒、瓶。</translation>
        </message>
        <message>
            <source>The write-off reason must be 过期, 损坏 or 丢失.</source>
            <translation>报废原因必须是 过期、损坏 或 丢失。</translation>
        </message>
        <message>
            <source>This transfer was received already.</source>
            <translation>该调拨已确认到货。</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>To</source>
            <translation>调入</translation>
        </message>
        <message>
            <source>Transfer stock to another depot (in transit until received).</source>
            <translation>调拨至其他仓库（到货确认前为在途）。</translation>
        </message>
        <message>
            <source>Transfers in transit.</source>
            <translation>在途调拨。</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Unknown category {category}; use one of {choices}.</source>
            <translation>未知的物资类别 {category}；请使用以下之一：{choices}。</translation>
        </message>
        <message>
            <source>Unknown division code {code}; Hengyang's codes are 4304xx.</source>
            <translation>未知的行政区划代码 {code}；衡阳市的代码为 4304xx。</translation>
        </message>
        <message>
            <source>Unknown managing agency.</source>
            <translation>未知的管理单位。</translation>
        </message>
        <message>
            <source>Usable</source>
            <translation>可用</translation>
        </message>
        <message>
            <source>Write stock off (报废): 过期, 损坏 or 丢失.</source>
            <translation>报废：过期、损坏或丢失。</translation>
        </message>
        <message>
            <source>Wrote off {qty} of {item} lot {lot} ({reason}).</source>
            <translation>已报废 {item} 批次 {lot} 共 {qty}（{reason}）。</translation>
        </message>
        <message>
            <source>book {book}, counted {counted}</source>
            <translation>账面 {book}，实盘 {counted}</translation>
        </message>
        <message>
            <source>lot {batch} expired on {date}</source>
            <translation>批次 {batch} 已于 {date} 过期</translation>
        </message>
        <message>
            <source>lot {batch} is {status}</source>
            <translation>批次 {batch} 状态为“{status}”</translation>
        </message>
        <message>
            <source>stock count</source>
            <translation>盘点</translation>
        </message>
        <message>
            <source>to {depot}</source>
            <translation>调往 {depot}</translation>
        </message>
        <message>
            <source>{field} cannot be negative.</source>
            <translation>{field}不能为负数。</translation>
        </message>
        <message>
            <source>{field} must be greater than zero.</source>
            <translation>{field}必须大于零。</translation>
        </message>
        <message>
            <source>{field}: {qty} is not a whole number.</source>
            <translation>{field}：{qty} 不是整数。</translation>
        </message>
        <message>
            <source>{field}: {text} is not a date; write it as 2026-03-01 or 2026/3/1.</source>
            <translation>{field}：{text} 不是有效日期；请写成 2026-03-01 或 2026/3/1。</translation>
        </message>
        <message>
            <source>{item} is managed by expiry date: give the lot's expiry date.</source>
            <translation>{item} 实行效期管理：请填写该批次的有效期。</translation>
        </message>
        <message>
            <source>{sent} were sent and {received} received: give the reason for the difference.</source>
            <translation>发出 {sent}，实收 {received}：请填写差异原因。</translation>
        </message>
        <message>
            <source>过期, 损坏 or 丢失 (expired, damaged, lost).</source>
            <translation>过期、损坏 或 丢失。</translation>
        </message>
        <message>
            <source>采购, 捐赠, 调入 or 退库 (purchase, donation, transfer, return).</source>
            <translation>采购、捐赠、调入 或 退库。</translation>
        </message>
        <message>
            <source>Stock of item {item} at depot {depot} is {have} but its lots sum to {want}; run check --rebuild.</source>
            <translation>仓库 {depot} 中物资 {item} 的库存为 {have}，但各批次合计为 {want}；请运行 check --rebuild。</translation>
        </message>
        <message>
            <source>2026-03-01 or 2026/3/1, or an Excel date</source>
            <translation>2026-03-01 或 2026/3/1，或 Excel 日期</translation>
        </message>
        <message>
            <source>Address.</source>
            <translation>地址。</translation>
        </message>
        <message>
            <source>Agencies</source>
            <translation>管理单位</translation>
        </message>
        <message>
            <source>Allowed values or format</source>
            <translation>可填的值或格式</translation>
        </message>
        <message>
            <source>Cannot read {path} at row {row}: {reason}</source>
            <translation>无法读取 {path} 第 {row} 行：{reason}</translation>
        </message>
        <message>
            <source>Cannot read {path}: {reason}</source>
            <translation>无法读取 {path}：{reason}</translation>
        </message>
        <message>
            <source>Cannot write {path}: {reason}</source>
            <translation>无法写入 {path}：{reason}</translation>
        </message>
        <message>
            <source>Code {code} is already in row {row} of this file.</source>
            <translation>编码 {code} 已在本文件第 {row} 行出现。</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>列名</translation>
        </message>
        <message>
            <source>Contact person.</source>
            <translation>联系人。</translation>
        </message>
        <message>
            <source>Contact phone.</source>
            <translation>联系电话。</translation>
        </message>
        <message>
            <source>Depot levels</source>
            <translation>仓库级别</translation>
        </message>
        <message>
            <source>Depots in this database</source>
            <translation>本数据库中的仓库</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>Divisions</source>
            <translation>行政区划</translation>
        </message>
        <message>
            <source>Each row is a receipt (opening balance or stock in) of one lot at one depot; the depots and items must exist (import them first).</source>
            <translation>每行是某仓库一个批次的一次入库（期初库存或入库）；仓库和物资必须已存在（请先导入）。</translation>
        </message>
        <message>
            <source>Example row (an illustration only: it is not imported)</source>
            <translation>示例行（仅作说明，不会被导入）</translation>
        </message>
        <message>
            <source>Expiry date: required for a new lot of an item managed by expiry; must match the date already recorded for the lot. Expired stock may be entered (it is on the shelf) and shows among the alerts.</source>
            <translation>有效期：实行效期管理的物资新批次必须填写；须与该批次已登记的有效期一致。已过期的库存也可录入（实物在库），并会出现在预警中。</translation>
        </message>
        <message>
            <source>Export balances by lot (库存), the ledger (台账, newest first) and the alerts (预警) to one .xlsx workbook.</source>
            <translation>将按批次的库存（库存）、台账（最新在前）和预警（预警）导出到一个 .xlsx 工作簿。</translation>
        </message>
        <message>
            <source>Exported to {path}: {balances} balances by lot (库存), {ledger} movements (台账), {alerts} alerts (预警).</source>
            <translation>已导出到 {path}：库存 {balances} 行（按批次），台账 {ledger} 条，预警 {alerts} 条。</translation>
        </message>
        <message>
            <source>Fill in the first sheet: one row per line under the header row, which must stay as it is. Required columns must be filled in on every row. English column names are accepted too. The sheet may also be saved as CSV (UTF-8 or GBK).</source>
            <translation>请填写第一张工作表：表头下每行填一条记录，表头保持不变。必填列每行都必须填写。也可使用英文列名。该表也可另存为 CSV（UTF-8 或 GBK）。</translation>
        </message>
        <message>
            <source>Give --out a file name ending in .xlsx (e.g. {name}.xlsx).</source>
            <translation>--out 的文件名须以 .xlsx 结尾（例如 {name}.xlsx）。</translation>
        </message>
        <message>
            <source>How to fill in the sheet {sheet}</source>
            <translation>“{sheet}”表填写说明</translation>
        </message>
        <message>
            <source>Import catalogue items from an .xlsx or .csv file (`bioreserve template items` writes the template). An existing item code updates that item.</source>
            <translation>从 .xlsx 或 .csv 文件导入物资目录（模板由 `bioreserve template items` 生成）。已存在的物资编码将更新该物资。</translation>
        </message>
        <message>
            <source>Import depots from an .xlsx or .csv file (`bioreserve template depots` writes the template). An existing depot code updates that depot.</source>
            <translation>从 .xlsx 或 .csv 文件导入仓库（模板由 `bioreserve template depots` 生成）。已存在的仓库编码将更新该仓库。</translation>
        </message>
        <message>
            <source>Import reserve norms from an .xlsx or .csv file (`bioreserve template norms` writes the template). An existing norm is replaced.</source>
            <translation>从 .xlsx 或 .csv 文件导入储备定额（模板由 `bioreserve template norms` 生成）。已有的定额将被替换。</translation>
        </message>
        <message>
            <source>Import stock (opening balances or receipts) from an .xlsx or .csv file (`bioreserve template stock` writes the template).</source>
            <translation>从 .xlsx 或 .csv 文件导入库存（期初库存或入库；模板由 `bioreserve template stock` 生成）。</translation>
        </message>
        <message>
            <source>Import the valid rows and report the invalid ones (by default nothing is imported while any row is invalid).</source>
            <translation>导入有效行并列出无效行（默认：只要有一行无效，就不导入任何数据）。</translation>
        </message>
        <message>
            <source>Import: bioreserve {kind} import FILE.xlsx. Every bad row is reported with its row number and nothing is imported; add --skip-invalid to import the good rows and skip the bad ones.</source>
            <translation>导入命令：bioreserve {kind} import 文件.xlsx。每个有误的行都会列出行号，且不导入任何数据；加 --skip-invalid 则导入正确的行、跳过有误的行。</translation>
        </message>
        <message>
            <source>Imported {imported} of {total} rows from {file}; skipped {skipped} invalid row(s), listed above.</source>
            <translation>已从 {file} 导入 {total} 行中的 {imported} 行；跳过 {skipped} 个无效行（见上）。</translation>
        </message>
        <message>
            <source>Imported {imported} row(s) from {file}.</source>
            <translation>已从 {file} 导入 {imported} 行。</translation>
        </message>
        <message>
            <source>Items in this database</source>
            <translation>本数据库中的物资</translation>
        </message>
        <message>
            <source>Manufacturer (free text), recorded with a new lot.</source>
            <translation>生产厂家（自由填写），随新批次登记。</translation>
        </message>
        <message>
            <source>Material categories</source>
            <translation>物资类别</translation>
        </message>
        <message>
            <source>Must be greater than zero.</source>
            <translation>必须大于零。</translation>
        </message>
        <message>
            <source>Must not be negative.</source>
            <translation>不能为负数。</translation>
        </message>
        <message>
            <source>No file at {path}.</source>
            <translation>找不到文件 {path}。</translation>
        </message>
        <message>
            <source>Not a date; write it as 2026-03-01 or 2026/3/1.</source>
            <translation>不是日期，请写成 2026-03-01 或 2026/3/1。</translation>
        </message>
        <message>
            <source>Not a whole number.</source>
            <translation>不是整数。</translation>
        </message>
        <message>
            <source>Nothing was imported: every row has errors.</source>
            <translation>未导入任何数据：所有行都有错误。</translation>
        </message>
        <message>
            <source>Nothing was imported: the header row does not match the template (`bioreserve template {kind} --out FILE.xlsx` writes one).</source>
            <translation>未导入任何数据：表头与模板不符（可用 `bioreserve template {kind} --out 文件.xlsx` 生成模板）。</translation>
        </message>
        <message>
            <source>Nothing was imported: {bad} of {total} rows have errors. Correct them and import again, or add --skip-invalid to import the {good} valid rows.</source>
            <translation>未导入任何数据：{total} 行中有 {bad} 行有错误。请改正后重新导入，或加 --skip-invalid 导入其余 {good} 个有效行。</translation>
        </message>
        <message>
            <source>Optional</source>
            <translation>选填</translation>
        </message>
        <message>
            <source>Other accepted names</source>
            <translation>可用的其他列名</translation>
        </message>
        <message>
            <source>Quantity received, in the item's base unit.</source>
            <translation>入库数量，按物资的基本计量单位。</translation>
        </message>
        <message>
            <source>Required</source>
            <translation>必填</translation>
        </message>
        <message>
            <source>Required column missing.</source>
            <translation>缺少必填列。</translation>
        </message>
        <message>
            <source>Required or optional</source>
            <translation>必填/选填</translation>
        </message>
        <message>
            <source>Required; this cell is empty.</source>
            <translation>必填，此单元格为空。</translation>
        </message>
        <message>
            <source>Row {row}, {column}: {reason}</source>
            <translation>第 {row} 行「{column}」：{reason}</translation>
        </message>
        <message>
            <source>Rows:</source>
            <translation>行：</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Specification or model.</source>
            <translation>规格或型号。</translation>
        </message>
        <message>
            <source>Storage condition; empty: 常温.</source>
            <translation>储存条件；不填为常温。</translation>
        </message>
        <message>
            <source>Storage conditions</source>
            <translation>储存条件</translation>
        </message>
        <message>
            <source>Template written to {path}. Fill in its first sheet; the sheet 说明 describes every column and lists the valid values.</source>
            <translation>模板已写入 {path}。请填写第一张工作表；“说明”表介绍了每一列并列出可填的值。</translation>
        </message>
        <message>
            <source>The .xlsx file to write.</source>
            <translation>要写入的 .xlsx 文件。</translation>
        </message>
        <message>
            <source>The base unit that quantities count (free text), e.g. 只, 盒, 瓶.</source>
            <translation>数量所用的基本计量单位（自由填写），如 只、盒、瓶。</translation>
        </message>
        <message>
            <source>The code of an existing catalogue item (see the list below).</source>
            <translation>已有物资的编码（见下方列表）。</translation>
        </message>
        <message>
            <source>The code of an existing depot (see the list below).</source>
            <translation>已有仓库的编码（见下方列表）。</translation>
        </message>
        <message>
            <source>The depot's code, unique. A code that exists already updates that depot (empty optional cells keep its values).</source>
            <translation>仓库编码，唯一。已存在的编码将更新该仓库（选填列留空则保留原值）。</translation>
        </message>
        <message>
            <source>The depot's level.</source>
            <translation>仓库级别。</translation>
        </message>
        <message>
            <source>The depot's name.</source>
            <translation>仓库名称。</translation>
        </message>
        <message>
            <source>The depots and items must exist (import them first).</source>
            <translation>仓库和物资必须已存在（请先导入）。</translation>
        </message>
        <message>
            <source>The division (GB/T 2260 code, e.g. 430422) the depot belongs to; see the list below.</source>
            <translation>仓库所属行政区划（GB/T 2260 代码，如 430422），见下方列表。</translation>
        </message>
        <message>
            <source>The import was cancelled; nothing was imported.</source>
            <translation>导入已取消，未导入任何数据。</translation>
        </message>
        <message>
            <source>The item's code, unique in the catalogue. A code that exists already updates that item (empty optional cells keep its values).</source>
            <translation>物资编码，在目录中唯一。已存在的编码将更新该物资（选填列留空则保留原值）。</translation>
        </message>
        <message>
            <source>The item's name.</source>
            <translation>物资名称。</translation>
        </message>
        <message>
            <source>The ledger holds {total} movements; the sheet 台账 has the newest {rows}.</source>
            <translation>台账共有 {total} 条记录；“台账”表只含最新的 {rows} 条。</translation>
        </message>
        <message>
            <source>The lot's batch number; a new batch number creates the lot.</source>
            <translation>批号；新的批号将新建批次。</translation>
        </message>
        <message>
            <source>The managing agency: full name, short name or code (see the list below).</source>
            <translation>管理单位：全称、简称或代码（见下方列表）。</translation>
        </message>
        <message>
            <source>The material category, by name or code (see the list below).</source>
            <translation>物资类别，填名称或代码（见下方列表）。</translation>
        </message>
        <message>
            <source>The norm of {item} at {depot} is already in row {row} of this file.</source>
            <translation>仓库 {depot} 物资 {item} 的定额已在本文件第 {row} 行出现。</translation>
        </message>
        <message>
            <source>The reserve norm (储备定额) in the item's base unit; an existing norm of the depot and item is replaced.</source>
            <translation>储备定额，按物资的基本计量单位；该仓库该物资已有的定额将被替换。</translation>
        </message>
        <message>
            <source>This column appears twice (also {other}).</source>
            <translation>此列重复出现（另见「{other}」）。</translation>
        </message>
        <message>
            <source>Unknown agency {name}; give its full name, short name or code.</source>
            <translation>未知的管理单位 {name}，请填写全称、简称或代码。</translation>
        </message>
        <message>
            <source>Unknown column; the columns of this kind are {columns}.</source>
            <translation>未知的列；此类数据的列为 {columns}。</translation>
        </message>
        <message>
            <source>Unknown kind {kind}; use one of {choices}.</source>
            <translation>未知的类型 {kind}，请使用以下之一：{choices}。</translation>
        </message>
        <message>
            <source>Where the stock came from; empty: 采购.</source>
            <translation>库存来源；不填为采购。</translation>
        </message>
        <message>
            <source>Whether lots are managed by expiry date; empty: 是.</source>
            <translation>是否按有效期管理批次；不填为是。</translation>
        </message>
        <message>
            <source>Write an .xlsx template for importing items, depots, stock or norms.</source>
            <translation>生成导入物资、仓库、库存或储备定额用的 .xlsx 模板。</translation>
        </message>
        <message>
            <source>Write 是 or 否.</source>
            <translation>请填“是”或“否”。</translation>
        </message>
        <message>
            <source>a whole number greater than zero</source>
            <translation>大于零的整数</translation>
        </message>
        <message>
            <source>a whole number, 0 or more</source>
            <translation>大于或等于 0 的整数</translation>
        </message>
        <message>
            <source>digits, spaces and + - ( ), e.g. 0734-8000001</source>
            <translation>数字、空格及 + - ( )，如 0734-8000001</translation>
        </message>
        <message>
            <source>{column}: {reason}</source>
            <translation>「{column}」：{reason}</translation>
        </message>
        <message>
            <source>{file} cannot be read as an Excel workbook ({reason}).</source>
            <translation>{file} 无法作为 Excel 工作簿读取（{reason}）。</translation>
        </message>
        <message>
            <source>{file} cannot be read as an Excel workbook ({reason}); open it in Excel or WPS and save it as .xlsx again.</source>
            <translation>{file} 无法作为 Excel 工作簿读取（{reason}）；请用 Excel 或 WPS 打开后重新另存为 .xlsx。</translation>
        </message>
        <message>
            <source>{file} is neither UTF-8 nor GBK/GB18030 text; save it again as “CSV UTF-8” or as .xlsx.</source>
            <translation>{file} 既不是 UTF-8 也不是 GBK/GB18030 文本；请重新另存为“CSV UTF-8”或 .xlsx。</translation>
        </message>
        <message>
            <source>{file} is not a spreadsheet BioReserve can read: use an .xlsx or .csv file (an old .xls file: open it in Excel or WPS and save it as .xlsx).</source>
            <translation>{file} 不是本系统能读取的表格文件：请使用 .xlsx 或 .csv 文件（旧的 .xls 文件请用 Excel 或 WPS 打开后另存为 .xlsx）。</translation>
        </message>
        <message>
            <source>是 or 否 (also Y/N, yes/no, true/false, 1/0)</source>
            <translation>是 或 否（也可填 Y/N、yes/no、true/false、1/0）</translation>
        </message>
        <message>
            <source>Lot {lot} of {item}: {was} → {status}.</source>
            <translation>物资 {item} 批次 {lot}：{was} → {status}。</translation>
        </message>
        <message>
            <source>Release (合格), quarantine (待检), freeze (冻结) or scrap (报废) a lot.</source>
            <translation>设置批次状态：合格、待检、冻结或报废。</translation>
        </message>
        <message>
            <source>合格, 待检, 冻结 or 报废.</source>
            <translation>合格、待检、冻结 或 报废。</translation>
        </message>
        <message>
            <source>3: 存根, 出库联 and 接收联.</source>
            <translation>3：存根、出库联和接收联。</translation>
        </message>
        <message>
            <source>Allocation orders (调拨单).</source>
            <translation>调拨单。</translation>
        </message>
        <message>
            <source>Allocation orders, newest first.</source>
            <translation>调拨单列表，最新在前。</translation>
        </message>
        <message>
            <source>An oral or telephone order names who gave it (approver).</source>
            <translation>口头或电话指令须注明下达人（批准人）。</translation>
        </message>
        <message>
            <source>An oral or telephone order: approved now, written paperwork due within 48 hours.</source>
            <translation>口头或电话指令：即时批准，书面手续须在 48 小时内补办。</translation>
        </message>
        <message>
            <source>An order needs at least one line (item and quantity).</source>
            <translation>调拨单至少需要一行（物资和数量）。</translation>
        </message>
        <message>
            <source>Approve an order and reserve its stock.</source>
            <translation>批准调拨单并锁定库存。</translation>
        </message>
        <message>
            <source>Book the arrival of a dispatched order (as dispatched).</source>
            <translation>登记已发运调拨单的到货（按发运数量）。</translation>
        </message>
        <message>
            <source>Cancel an order before dispatch (reservations are released).</source>
            <translation>在发运前作废调拨单（释放锁定的库存）。</translation>
        </message>
        <message>
            <source>Check the QR text of a printed order (exit 0 when genuine).</source>
            <translation>核验纸质调拨单的二维码内容（真实时退出码为 0）。</translation>
        </message>
        <message>
            <source>Create an allocation order; lots are picked earliest expiry first, the rest proposed from other depots.</source>
            <translation>新建调拨单；按近效期先出选择批次，不足部分建议从其他仓库调出。</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>填单时间</translation>
        </message>
        <message>
            <source>Delivery address (for a unit).</source>
            <translation>送货地址（接收单位时填写）。</translation>
        </message>
        <message>
            <source>Dispatch an approved order: the stock leaves the depots.</source>
            <translation>发运已批准的调拨单：物资出库。</translation>
        </message>
        <message>
            <source>Driver's phone.</source>
            <translation>驾驶员电话。</translation>
        </message>
        <message>
            <source>Driver.</source>
            <translation>驾驶员。</translation>
        </message>
        <message>
            <source>From: {source}</source>
            <translation>发出仓库：{source}</translation>
        </message>
        <message>
            <source>Give the reason for cancelling.</source>
            <translation>请填写作废原因。</translation>
        </message>
        <message>
            <source>ITEM=QTY, e.g. PPE-0001=500; repeat for more lines.</source>
            <translation>物资编码=数量，例如 PPE-0001=500；多行请重复此选项。</translation>
        </message>
        <message>
            <source>Incident reference.</source>
            <translation>关联事件编号。</translation>
        </message>
        <message>
            <source>Issuing depot code.</source>
            <translation>发出仓库编码。</translation>
        </message>
        <message>
            <source>Item {item} is on two lines; put it on one.</source>
            <translation>物资 {item} 出现在两行中，请合并为一行。</translation>
        </message>
        <message>
            <source>Name the approver (批准人).</source>
            <translation>请填写批准人。</translation>
        </message>
        <message>
            <source>Name the receiving depot (its code) or the receiving unit.</source>
            <translation>请填写接收仓库（编码）或接收单位。</translation>
        </message>
        <message>
            <source>Needed by</source>
            <translation>需求时间</translation>
        </message>
        <message>
            <source>Needed by (date).</source>
            <translation>需求时间（日期）。</translation>
        </message>
        <message>
            <source>No allocation order {number}.</source>
            <translation>没有编号为 {number} 的调拨单。</translation>
        </message>
        <message>
            <source>Not enough usable stock in any depot for: {lines}.</source>
            <translation>各仓库可用库存不足：{lines}。</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>One order with its lines and picked lots.</source>
            <translation>显示一张调拨单及其物资行和所选批次。</translation>
        </message>
        <message>
            <source>Only this incident.</source>
            <translation>仅此事件。</translation>
        </message>
        <message>
            <source>Only this status.</source>
            <translation>仅此状态。</translation>
        </message>
        <message>
            <source>Oral order: written paperwork due by {due}</source>
            <translation>口头指令：书面手续须于 {due} 前补办</translation>
        </message>
        <message>
            <source>Order {number} has no pick {id}.</source>
            <translation>调拨单 {number} 没有出库批次记录 {id}。</translation>
        </message>
        <message>
            <source>Order {number} is genuine (signature valid; the order is not in this database).</source>
            <translation>调拨单 {number} 真实有效（签名有效；本数据库中没有该调拨单）。</translation>
        </message>
        <message>
            <source>Order {number} is genuine and matches the record.</source>
            <translation>调拨单 {number} 真实有效，与系统记录一致。</translation>
        </message>
        <message>
            <source>Order {number} is {status}; it cannot become {target}.</source>
            <translation>调拨单 {number} 当前为“{status}”，不能变为“{target}”。</translation>
        </message>
        <message>
            <source>Order {number} was not an oral order.</source>
            <translation>调拨单 {number} 不是口头指令。</translation>
        </message>
        <message>
            <source>Order {number} was signed by station {origin}, whose key this station does not trust yet; exchange keys with it first.</source>
            <translation>调拨单 {number} 由站点 {origin} 签发，本站尚未信任该站点的密钥；请先与该站交换密钥。</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>优先级</translation>
        </message>
        <message>
            <source>Priority must be 特急, 紧急 or 一般.</source>
            <translation>优先级必须是 特急、紧急 或 一般。</translation>
        </message>
        <message>
            <source>Quantity of {item}</source>
            <translation>{item} 的数量</translation>
        </message>
        <message>
            <source>Receiving contact person.</source>
            <translation>接收方联系人。</translation>
        </message>
        <message>
            <source>Receiving contact phone.</source>
            <translation>接收方联系电话。</translation>
        </message>
        <message>
            <source>Receiving depot code, or the name of the receiving unit.</source>
            <translation>接收仓库编码，或接收单位名称。</translation>
        </message>
        <message>
            <source>Record that an oral order's written paperwork is done.</source>
            <translation>登记口头指令的书面手续已补办。</translation>
        </message>
        <message>
            <source>Short: {item} by {qty}</source>
            <translation>缺口：{item} 差 {qty}</translation>
        </message>
        <message>
            <source>Submit a draft order for approval.</source>
            <translation>提交草稿调拨单待批准。</translation>
        </message>
        <message>
            <source>The PDF file to write.</source>
            <translation>要写入的 PDF 文件。</translation>
        </message>
        <message>
            <source>The issuing and the receiving depot are the same.</source>
            <translation>发出仓库与接收仓库相同。</translation>
        </message>
        <message>
            <source>The requesting unit.</source>
            <translation>申请单位。</translation>
        </message>
        <message>
            <source>The signature is genuine but the lines on record for {number} differ from the printed ones: the order changed after printing.</source>
            <translation>签名真实，但系统中 {number} 的物资行与纸质单不一致：调拨单在打印后被修改。</translation>
        </message>
        <message>
            <source>The signature of order {number} is not valid: the printed order was altered or forged.</source>
            <translation>调拨单 {number} 的签名无效：纸质单被篡改或伪造。</translation>
        </message>
        <message>
            <source>This is not the QR code of a BioReserve allocation order.</source>
            <translation>这不是本系统调拨单的二维码。</translation>
        </message>
        <message>
            <source>To: {destination}</source>
            <translation>接收单位：{destination}</translation>
        </message>
        <message>
            <source>Vehicle (plate).</source>
            <translation>车辆（车牌号）。</translation>
        </message>
        <message>
            <source>Who approved (required for --oral).</source>
            <translation>批准人（--oral 时必填）。</translation>
        </message>
        <message>
            <source>Who approves (批准人).</source>
            <translation>批准人。</translation>
        </message>
        <message>
            <source>Why it is cancelled.</source>
            <translation>作废原因。</translation>
        </message>
        <message>
            <source>Write each line as ITEM=QTY, e.g. --line PPE-0001=500 (not {text}).</source>
            <translation>每行请写成 物资编码=数量，例如 --line PPE-0001=500（而不是 {text}）。</translation>
        </message>
        <message>
            <source>Write the printed order (PDF) with its signed QR code.</source>
            <translation>生成带签名二维码的纸质调拨单（PDF）。</translation>
        </message>
        <message>
            <source>Wrote {path} ({pages} pages).</source>
            <translation>已写入 {path}（共 {pages} 页）。</translation>
        </message>
        <message>
            <source>{item} short by {qty} {unit}</source>
            <translation>{item} 缺 {qty} {unit}</translation>
        </message>
        <message>
            <source>{number}: {status}</source>
            <translation>{number}：{status}</translation>
        </message>
        <message>
            <source>特急, 紧急 or 一般.</source>
            <translation>特急、紧急 或 一般。</translation>
        </message>
        <message>
            <source>Cannot write {path}: {reason}. Choose a folder you can write to, and close the file if another program has it open.</source>
            <translation>无法写入 {path}：{reason}。请选择有写入权限的文件夹；如该文件已被其他程序打开，请先关闭。</translation>
        </message>
        <message>
            <source>Choose at least one allocation order to print.</source>
            <translation>请至少选择一张要打印的调拨单。</translation>
        </message>
        <message>
            <source>No Chinese TrueType font was found (e.g. SimSun, Microsoft YaHei, WenQuanYi); PDFs use the built-in STSong-Light, which some viewers show as blank text. Install a Chinese TrueType font (on Debian: fonts-wqy-microhei).</source>
            <translation>未找到中文 TrueType 字体（如宋体、微软雅黑、文泉驿）；PDF 将使用内置的 STSong-Light 字体，部分阅读器会显示为空白。请安装中文 TrueType 字体（Debian 上为 fonts-wqy-microhei）。</translation>
        </message>
        <message>
            <source>Print 1 copy, or 3 copies (存根, 出库联, 接收联).</source>
            <translation>可打印 1 份，或 3 联（存根、出库联、接收联）。</translation>
        </message>
        <message>
            <source>11 digits starting with 1</source>
            <translation>11 位数字，以 1 开头</translation>
        </message>
        <message>
            <source>A qualification or certificate; several are separated by 、. An existing certificate of the same name gets the new expiry date.</source>
            <translation>资质证书；多个证书用“、”分隔。专家已有同名证书的，更新其有效期。</translation>
        </message>
        <message>
            <source>Agency code {code} is already used.</source>
            <translation>单位代码 {code} 已被使用。</translation>
        </message>
        <message>
            <source>Agency code, e.g. HY-WJW.</source>
            <translation>单位代码，例如 HY-WJW。</translation>
        </message>
        <message>
            <source>An expert with this name and mobile number is already in row {row} of this file.</source>
            <translation>姓名和手机号相同的专家已在本文件第 {row} 行。</translation>
        </message>
        <message>
            <source>Approve a draft version (earlier approved ones retire).</source>
            <translation>批准草稿版本（此前已批准的版本随之停用）。</translation>
        </message>
        <message>
            <source>Approved {code} version {version}.</source>
            <translation>已批准 {code} 第 {version} 版。</translation>
        </message>
        <message>
            <source>Availability</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Available</source>
            <translation>可调用</translation>
        </message>
        <message>
            <source>Cannot read {path}: {reason}.</source>
            <translation>无法读取 {path}：{reason}。</translation>
        </message>
        <message>
            <source>Cannot write {path}: {reason}. Choose a folder you can write to.</source>
            <translation>无法写入 {path}：{reason}。请选择有写入权限的文件夹。</translation>
        </message>
        <message>
            <source>Certificate</source>
            <translation>资质证书</translation>
        </message>
        <message>
            <source>Change an agency's contact person or duty phone.</source>
            <translation>修改成员单位的联系人或值班电话。</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <source>Copy a version into a new draft to edit.</source>
            <translation>将某一版本复制为新的草稿版本以便修改。</translation>
        </message>
        <message>
            <source>Duty phone</source>
            <translation>值班电话</translation>
        </message>
        <message>
            <source>Duty phone: a mobile number or a landline with area code.</source>
            <translation>值班电话：手机号或带区号的固定电话。</translation>
        </message>
        <message>
            <source>Expert</source>
            <translation>专家</translation>
        </message>
        <message>
            <source>Expiry date of the certificate (one per certificate, separated by 、).</source>
            <translation>证书有效期至（每个证书一个日期，用“、”分隔）。</translation>
        </message>
        <message>
            <source>Export the roster to an .xlsx file with the import template's columns; mobile numbers are masked unless --unmasked.</source>
            <translation>将专家库导出为 .xlsx 文件，列与导入模板相同；除非指定 --unmasked，手机号打码显示。</translation>
        </message>
        <message>
            <source>Exported {count} expert(s) to {path}.</source>
            <translation>已导出 {count} 位专家到 {path}。</translation>
        </message>
        <message>
            <source>Gender.</source>
            <translation>性别。</translation>
        </message>
        <message>
            <source>Give --contact or --duty-phone (or both).</source>
            <translation>请指定 --contact 或 --duty-phone（或两者）。</translation>
        </message>
        <message>
            <source>Give a mobile number or an office phone.</source>
            <translation>请填写手机号或办公电话。</translation>
        </message>
        <message>
            <source>Give at least one specialty.</source>
            <translation>请至少填写一个专业领域。</translation>
        </message>
        <message>
            <source>Give one expiry date per certificate ({count}), separated by 、.</source>
            <translation>每个证书填写一个有效期（共 {count} 个），用“、”分隔。</translation>
        </message>
        <message>
            <source>Give the certificate whose expiry date is given.</source>
            <translation>填写了有效期，请同时填写对应的资质证书。</translation>
        </message>
        <message>
            <source>Give the first day the expert is unavailable.</source>
            <translation>请填写专家不可调用的起始日期。</translation>
        </message>
        <message>
            <source>Give the last day the expert is unavailable.</source>
            <translation>请填写专家不可调用的截止日期。</translation>
        </message>
        <message>
            <source>Hazard</source>
            <translation>事件类型</translation>
        </message>
        <message>
            <source>Hazard: {hazard}  Grades: {grades}  Status: {status}</source>
            <translation>事件类型：{hazard}  适用级别：{grades}  状态：{status}</translation>
        </message>
        <message>
            <source>Imported {code} as version {version} (draft).</source>
            <translation>已导入 {code}，为第 {version} 版（草稿）。</translation>
        </message>
        <message>
            <source>List experts; --search matches name, pinyin (initials too) or organisation.</source>
            <translation>列出专家；--search 匹配姓名、拼音（含首字母）或工作单位。</translation>
        </message>
        <message>
            <source>List the member agencies and their county counterparts.</source>
            <translation>列出成员单位及县级对口单位。</translation>
        </message>
        <message>
            <source>List the playbook versions.</source>
            <translation>列出处置预案的各个版本。</translation>
        </message>
        <message>
            <source>Made {code} version {version} (draft) from version {source}.</source>
            <translation>已由第 {source} 版生成 {code} 第 {version} 版（草稿）。</translation>
        </message>
        <message>
            <source>Material planning factors (editable examples, not official norms):</source>
            <translation>物资测算参数（可修改的示例，并非官方定额）：</translation>
        </message>
        <message>
            <source>Member agencies (成员单位).</source>
            <translation>成员单位。</translation>
        </message>
        <message>
            <source>Mobile</source>
            <translation>手机</translation>
        </message>
        <message>
            <source>Mobile number; with the name it identifies the expert on a later import. A mobile number or an office phone is required.</source>
            <translation>手机号；再次导入时与姓名一起识别同一位专家。手机号和办公电话至少填写一项。</translation>
        </message>
        <message>
            <source>No agency with code {code}.</source>
            <translation>没有代码为 {code} 的单位。</translation>
        </message>
        <message>
            <source>No agency with id {id}.</source>
            <translation>没有 ID 为 {id} 的单位。</translation>
        </message>
        <message>
            <source>No approved playbook: the responsibility matrix would be empty.</source>
            <translation>没有已批准的处置预案，责任矩阵为空。</translation>
        </message>
        <message>
            <source>No expert with id {id}.</source>
            <translation>没有 ID 为 {id} 的专家。</translation>
        </message>
        <message>
            <source>No playbook with code {code}.</source>
            <translation>没有编码为 {code} 的处置预案。</translation>
        </message>
        <message>
            <source>No playbook with id {id}.</source>
            <translation>没有标识为 {id} 的处置预案。</translation>
        </message>
        <message>
            <source>No possible duplicates.</source>
            <translation>没有疑似重复的专家。</translation>
        </message>
        <message>
            <source>No qualification expires within {days} days.</source>
            <translation>{days} 天内没有到期的资质证书。</translation>
        </message>
        <message>
            <source>Not a playbook file: format must be {format}.</source>
            <translation>不是处置预案文件：format 须为 {format}。</translation>
        </message>
        <message>
            <source>Office phone (landline).</source>
            <translation>办公电话（固定电话）。</translation>
        </message>
        <message>
            <source>On a mission</source>
            <translation>执行任务中</translation>
        </message>
        <message>
            <source>One or more specialties by name or code, separated by 、 (see the list below).</source>
            <translation>一个或多个专业领域，填名称或代码，用“、”分隔（见下方列表）。</translation>
        </message>
        <message>
            <source>Only experts available today.</source>
            <translation>只列出今天可调用的专家。</translation>
        </message>
        <message>
            <source>Only this specialty (code or name).</source>
            <translation>只列出该专业领域（代码或名称）。</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>工作单位</translation>
        </message>
        <message>
            <source>Organisation (工作单位).</source>
            <translation>工作单位。</translation>
        </message>
        <message>
            <source>Plan clauses: {clauses}</source>
            <translation>方案条款：{clauses}</translation>
        </message>
        <message>
            <source>Playbook {code} has no tasks; add tasks before approving.</source>
            <translation>处置预案 {code} 没有任务，请先添加任务再批准。</translation>
        </message>
        <message>
            <source>Playbook {code} has no version {version}.</source>
            <translation>处置预案 {code} 没有第 {version} 版。</translation>
        </message>
        <message>
            <source>Playbook {code} version {version} is already retired.</source>
            <translation>处置预案 {code} 第 {version} 版已停用。</translation>
        </message>
        <message>
            <source>Playbook {code} version {version} is {status}: an approved or retired version is never edited. Make a new version (playbook new-version) and edit that.</source>
            <translation>处置预案 {code} 第 {version} 版状态为 {status}：已批准或已停用的版本不能修改。请生成新版本（playbook new-version）后修改新版本。</translation>
        </message>
        <message>
            <source>Playbook {code} version {version} is {status}; only a draft can be approved.</source>
            <translation>处置预案 {code} 第 {version} 版状态为 {status}，只有草稿可以批准。</translation>
        </message>
        <message>
            <source>Playbooks (处置预案): versions, tasks, responsibility matrix.</source>
            <translation>处置预案：版本、任务、责任矩阵。</translation>
        </message>
        <message>
            <source>Print the responsibility matrix (agencies × playbooks) as PDF.</source>
            <translation>将责任矩阵（成员单位 × 处置预案）输出为 PDF。</translation>
        </message>
        <message>
            <source>Professional title</source>
            <translation>职称</translation>
        </message>
        <message>
            <source>Professional title (职称), e.g. 主任医师.</source>
            <translation>职称，例如 主任医师。</translation>
        </message>
        <message>
            <source>Qualifications and certificates expired or expiring within --days days.</source>
            <translation>已过期或在 --days 天内到期的资质证书。</translation>
        </message>
        <message>
            <source>Read a playbook JSON file as a new draft version (all or nothing).</source>
            <translation>读取处置预案 JSON 文件，生成新的草稿版本（全部成功或全部不导入）。</translation>
        </message>
        <message>
            <source>Retire a playbook version.</source>
            <translation>停用处置预案的某一版本。</translation>
        </message>
        <message>
            <source>Retired {code} version {version}.</source>
            <translation>已停用 {code} 第 {version} 版。</translation>
        </message>
        <message>
            <source>Shipped example: adapt it to local conditions before use.</source>
            <translation>系统内置示例：使用前请按本地实际修订。</translation>
        </message>
        <message>
            <source>Show a playbook version with its phases, tasks and factors.</source>
            <translation>显示处置预案某一版本的阶段、任务和物资测算参数。</translation>
        </message>
        <message>
            <source>Specialties</source>
            <translation>专业领域</translation>
        </message>
        <message>
            <source>Task {title} has no lead agency; name one before approving.</source>
            <translation>任务“{title}”没有牵头单位，请先指定再批准。</translation>
        </message>
        <message>
            <source>Text, or pinyin initials such as zs for 张三.</source>
            <translation>文字，或拼音首字母，如 zs 查找 张三。</translation>
        </message>
        <message>
            <source>The agency code is required.</source>
            <translation>单位代码为必填项。</translation>
        </message>
        <message>
            <source>The agency level must be city or county.</source>
            <translation>单位级别只能是 city（市级）或 county（县级）。</translation>
        </message>
        <message>
            <source>The agency name is required.</source>
            <translation>单位名称为必填项。</translation>
        </message>
        <message>
            <source>The availability must be one of {choices}.</source>
            <translation>状态只能是 {choices} 之一。</translation>
        </message>
        <message>
            <source>The biosafety expert roster (生物安全专家库).</source>
            <translation>生物安全专家库。</translation>
        </message>
        <message>
            <source>The certificate expires before it was issued.</source>
            <translation>证书有效期早于发证日期。</translation>
        </message>
        <message>
            <source>The certificate's name is required.</source>
            <translation>资质证书名称为必填项。</translation>
        </message>
        <message>
            <source>The division (GB/T 2260 code, e.g. 430422, or its name) the expert belongs to.</source>
            <translation>专家所属区划（GB/T 2260 代码，如 430422，或区划名称）。</translation>
        </message>
        <message>
            <source>The expert's name is required.</source>
            <translation>专家姓名为必填项。</translation>
        </message>
        <message>
            <source>The expert's name. A row with the name AND mobile number of an expert in the roster updates that expert (empty optional cells keep its values).</source>
            <translation>专家姓名。姓名和手机号都与专家库中某位专家相同的行，将更新该专家（选填项留空则保留原值）。</translation>
        </message>
        <message>
            <source>The expert's organisation (工作单位) is required.</source>
            <translation>工作单位为必填项。</translation>
        </message>
        <message>
            <source>The gender must be 男 or 女.</source>
            <translation>性别只能填 男 或 女。</translation>
        </message>
        <message>
            <source>The landline number {phone} is not valid: write the area code, then 7 or 8 digits, e.g. 0734-8123456.</source>
            <translation>固定电话 {phone} 无效：应为区号加 7 或 8 位号码，例如 0734-8123456。</translation>
        </message>
        <message>
            <source>The last day of unavailability is before the first.</source>
            <translation>不可调用的截止日期早于起始日期。</translation>
        </message>
        <message>
            <source>The mobile number {phone} is not valid: it has 11 digits and starts with 1.</source>
            <translation>手机号 {phone} 无效：手机号为以 1 开头的 11 位数字。</translation>
        </message>
        <message>
            <source>The phone number {phone} is not valid: a mobile number has 11 digits starting with 1, a landline its area code, e.g. 0734-8123456.</source>
            <translation>电话号码 {phone} 无效：手机号为以 1 开头的 11 位数字，固定电话须带区号，例如 0734-8123456。</translation>
        </message>
        <message>
            <source>The search index names a missing expert {id}; run check --rebuild.</source>
            <translation>搜索索引中有不存在的专家 {id}；请运行 check --rebuild。</translation>
        </message>
        <message>
            <source>The search index of expert {id} is out of date; run check --rebuild.</source>
            <translation>专家 {id} 的搜索索引已过期；请运行 check --rebuild。</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Unavailable {start} to {end}</source>
            <translation>不可调用 {start} 至 {end}</translation>
        </message>
        <message>
            <source>Unknown specialty {specialty}.</source>
            <translation>未知的专业领域 {specialty}。</translation>
        </message>
        <message>
            <source>Unknown specialty {specialty}; use one of {choices}.</source>
            <translation>未知的专业领域 {specialty}；请使用以下之一：{choices}。</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <source>Version number (default: the latest).</source>
            <translation>版本号（默认：最新版本）。</translation>
        </message>
        <message>
            <source>Version to copy (default: the latest).</source>
            <translation>要复制的版本（默认：最新版本）。</translation>
        </message>
        <message>
            <source>Write a playbook version to a JSON file.</source>
            <translation>将处置预案的某一版本写入 JSON 文件。</translation>
        </message>
        <message>
            <source>Write full mobile numbers (the file imports again).</source>
            <translation>写出完整手机号（导出的文件可再次导入）。</translation>
        </message>
        <message>
            <source>Wrote {path}.</source>
            <translation>已写入 {path}。</translation>
        </message>
        <message>
            <source>area code, then 7 or 8 digits, e.g. 0734-8123456</source>
            <translation>区号加 7 或 8 位号码，例如 0734-8123456</translation>
        </message>
        <message>
            <source>code: {code} is not a playbook code such as PB-EID (A–Z, 0–9, -).</source>
            <translation>code：{code} 不是有效的预案编码，应形如 PB-EID（A–Z、0–9、-）。</translation>
        </message>
        <message>
            <source>e.g. 流行病学、病原检测</source>
            <translation>例如 流行病学、病原检测</translation>
        </message>
        <message>
            <source>factors: a list expected.</source>
            <translation>factors：应为列表。</translation>
        </message>
        <message>
            <source>lead {lead}; support {support}; within {hours}; from grade {grade}; clause {clause}</source>
            <translation>牵头 {lead}；配合 {support}；时限 {hours}；适用 {grade} 级及以上；条款 {clause}</translation>
        </message>
        <message>
            <source>phases: a playbook needs at least one phase.</source>
            <translation>phases：处置预案至少需要一个阶段。</translation>
        </message>
        <message>
            <source>{field}: unknown value {value}; use one of {choices}.</source>
            <translation>{field}：未知取值 {value}，可用取值：{choices}。</translation>
        </message>
        <message>
            <source>{name}: contact {contact}, duty phone {phone}</source>
            <translation>{name}：联系人 {contact}，值班电话 {phone}</translation>
        </message>
        <message>
            <source>{path} is not a JSON file: {reason}.</source>
            <translation>{path} 不是 JSON 文件：{reason}。</translation>
        </message>
        <message>
            <source>{where}: an object expected.</source>
            <translation>{where}：应为对象。</translation>
        </message>
        <message>
            <source>{where}: an object with code and count expected.</source>
            <translation>{where}：应为包含 code 和 count 的对象。</translation>
        </message>
        <message>
            <source>{where}: name an item or a category.</source>
            <translation>{where}：请指定物资或物资类别。</translation>
        </message>
        <message>
            <source>{where}category: unknown category {code}; use one of {choices}.</source>
            <translation>{where}category：未知类别 {code}，可用类别：{choices}。</translation>
        </message>
        <message>
            <source>{where}code: unknown specialty {code}.</source>
            <translation>{where}code：未知专业 {code}。</translation>
        </message>
        <message>
            <source>{where}grades: list at least one grade of I, II, III, IV.</source>
            <translation>{where}grades：请至少列出 I、II、III、IV 中的一个级别。</translation>
        </message>
        <message>
            <source>{where}item: no catalogue item with code {code}.</source>
            <translation>{where}item：物资目录中没有编码为 {code} 的物资。</translation>
        </message>
        <message>
            <source>{where}lead_agency: unknown agency code {code}.</source>
            <translation>{where}lead_agency：未知单位编码 {code}。</translation>
        </message>
        <message>
            <source>{where}qty_per_day: a number of 0 or more expected.</source>
            <translation>{where}qty_per_day：应为不小于 0 的数。</translation>
        </message>
        <message>
            <source>{where}support_agencies: unknown agency code {code}.</source>
            <translation>{where}support_agencies：未知单位编码 {code}。</translation>
        </message>
        <message>
            <source>{where}support_agencies: {code} already leads the task.</source>
            <translation>{where}support_agencies：{code} 已是该任务的牵头单位。</translation>
        </message>
        <message>
            <source>{where}tasks: a list expected.</source>
            <translation>{where}tasks：应为列表。</translation>
        </message>
        <message>
            <source>{where}{field}: a list of texts expected.</source>
            <translation>{where}{field}：应为文本列表。</translation>
        </message>
        <message>
            <source>{where}{field}: a whole number from {low} to {high} expected, not {value}.</source>
            <translation>{where}{field}：应为 {low} 至 {high} 之间的整数，而不是 {value}。</translation>
        </message>
        <message>
            <source>{where}{field}: required.</source>
            <translation>{where}{field}：必填。</translation>
        </message>
        <message>
            <source>{where}{field}: text expected.</source>
            <translation>{where}{field}：应为文本。</translation>
        </message>
        <message>
            <source>Write an .xlsx template for importing items, depots, stock, norms or experts.</source>
            <translation>生成导入物资、仓库、库存、储备定额或专家用的 .xlsx 模板。</translation>
        </message>
        <message>
            <source>Bundle file to write.</source>
            <translation>要写入的同步包文件。</translation>
        </message>
        <message>
            <source>Bundle {sequence} from {code} holds no operations this station lacks; nothing changed.</source>
            <translation>来自 {code} 的第 {sequence} 号同步包中没有本站缺少的操作，未作任何更改。</translation>
        </message>
        <message>
            <source>Deferred operations follow ones this station has not received yet; they will apply with a later bundle.</source>
            <translation>暂缓的操作依赖本站尚未收到的操作，将随之后的同步包一并应用。</translation>
        </message>
        <message>
            <source>Enrol another station's key file after comparing its fingerprint with the one that station shows (`sync identity`).</source>
            <translation>登记其他站点的密钥文件（须先与该站 `sync identity` 显示的指纹核对一致）。</translation>
        </message>
        <message>
            <source>Imported bundle {sequence} from {name} ({code}): {applied} applied, {known} already known, {deferred} deferred.</source>
            <translation>已导入来自 {name}（{code}）的第 {sequence} 号同步包：应用 {applied} 条，已有 {known} 条，暂缓 {deferred} 条。</translation>
        </message>
        <message>
            <source>Is this the fingerprint the other station shows?</source>
            <translation>该指纹是否与对方站点显示的指纹一致？</translation>
        </message>
        <message>
            <source>Key file to write.</source>
            <translation>要写入的密钥文件。</translation>
        </message>
        <message>
            <source>Key fingerprint</source>
            <translation>密钥指纹</translation>
        </message>
        <message>
            <source>Last bundle</source>
            <translation>最近同步包</translation>
        </message>
        <message>
            <source>List the enrolled stations.</source>
            <translation>列出已登记的站点。</translation>
        </message>
        <message>
            <source>No enrolled station is called {station}. `bioreserve sync stations` lists them.</source>
            <translation>没有名为 {station} 的已登记站点。`bioreserve sync stations` 可列出已登记站点。</translation>
        </message>
        <message>
            <source>No stations enrolled yet.</source>
            <translation>尚未登记任何站点。</translation>
        </message>
        <message>
            <source>Origin</source>
            <translation>来源标识</translation>
        </message>
        <message>
            <source>Recipient station (code or origin).</source>
            <translation>接收站点（编码或来源标识）。</translation>
        </message>
        <message>
            <source>Revoked the key of {name} ({code}).</source>
            <translation>已吊销 {name}（{code}）的密钥。</translation>
        </message>
        <message>
            <source>Several enrolled stations have the code {station}; name it by its origin id (`bioreserve sync stations`).</source>
            <translation>有多个已登记站点的编码为 {station}；请改用其来源标识指定（见 `bioreserve sync stations`）。</translation>
        </message>
        <message>
            <source>Show this station's identity and key fingerprint.</source>
            <translation>显示本站身份和密钥指纹。</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Station {code} ({origin}) is already trusted with a different key. If it really has a new key, revoke the old one first: this file may be forged.</source>
            <translation>站点 {code}（{origin}）已以另一把密钥登记。如该站确实更换了密钥，请先吊销旧密钥：此文件可能是伪造的。</translation>
        </message>
        <message>
            <source>Station: {name} ({code})
Key fingerprint: {fingerprint}</source>
            <translation>站点：{name}（{code}）
密钥指纹：{fingerprint}</translation>
        </message>
        <message>
            <source>Station: {name} ({code})
Origin: {origin}
Key fingerprint: {fingerprint}</source>
            <translation>站点：{name}（{code}）
来源标识：{origin}
密钥指纹：{fingerprint}</translation>
        </message>
        <message>
            <source>Stop trusting a station's key: its bundles are refused.</source>
            <translation>不再信任某站点的密钥：其同步包将被拒绝。</translation>
        </message>
        <message>
            <source>Synchronization with other stations by signed bundle files (USB).</source>
            <translation>通过签名同步包文件（U 盘）与其他站点同步。</translation>
        </message>
        <message>
            <source>The fingerprint of {path} is {actual}, not {expected}: this is not the key the other station showed. Nothing was trusted; check with that station.</source>
            <translation>{path} 的指纹是 {actual}，而不是 {expected}：这不是对方站点显示的密钥。未登记任何密钥；请与该站核实。</translation>
        </message>
        <message>
            <source>The fingerprint the other station shows; must match.</source>
            <translation>对方站点显示的指纹；必须一致。</translation>
        </message>
        <message>
            <source>The key file {path} states a fingerprint that does not match its key: it was altered. Ask the other station to export its key again.</source>
            <translation>密钥文件 {path} 所写的指纹与其密钥不符：文件已被改动。请对方站点重新导出密钥。</translation>
        </message>
        <message>
            <source>The key of station {code} is revoked; no bundle is made for it.</source>
            <translation>站点 {code} 的密钥已吊销，不为其生成同步包。</translation>
        </message>
        <message>
            <source>The key of station {code} was revoked and cannot be trusted again; the station needs a new identity.</source>
            <translation>站点 {code} 的密钥已吊销，不能再次信任；该站需要新的身份。</translation>
        </message>
        <message>
            <source>The operations of station {origin} in {path} do not continue the hash chain this station holds: one of the databases was altered or forked. Nothing was imported.</source>
            <translation>{path} 中站点 {origin} 的操作与本站保存的哈希链不衔接：其中一个数据库被改动或分叉。未导入任何内容。</translation>
        </message>
        <message>
            <source>Trust without asking (fingerprint already compared).</source>
            <translation>不再询问直接信任（已核对指纹）。</translation>
        </message>
        <message>
            <source>Trusted {name} ({code}), fingerprint {fingerprint}.</source>
            <translation>已信任 {name}（{code}），指纹 {fingerprint}。</translation>
        </message>
        <message>
            <source>Verify a bundle and apply its changes (all or nothing).</source>
            <translation>校验同步包并应用其中的更改（全部应用或全不应用）。</translation>
        </message>
        <message>
            <source>Write a signed bundle of the changes a station lacks (without --for: any station).</source>
            <translation>生成签名同步包，包含对方站点缺少的更改（不加 --for：面向任一站点）。</translation>
        </message>
        <message>
            <source>Write this station's public key to a file for other stations.</source>
            <translation>将本站公钥写入文件，供其他站点登记。</translation>
        </message>
        <message>
            <source>Wrote bundle {sequence} with {ops} operation(s) to {path} ({bytes} bytes).</source>
            <translation>已将第 {sequence} 号同步包（{ops} 条操作）写入 {path}（{bytes} 字节）。</translation>
        </message>
        <message>
            <source>Wrote the key of {code} to {path}
Key fingerprint: {fingerprint}
The other station must compare this fingerprint before trusting the key.</source>
            <translation>已将 {code} 的密钥写入 {path}
密钥指纹：{fingerprint}
对方站点须先核对此指纹再信任该密钥。</translation>
        </message>
        <message>
            <source>revoked</source>
            <translation>已吊销</translation>
        </message>
        <message>
            <source>trusted</source>
            <translation>已信任</translation>
        </message>
        <message>
            <source>{path} comes from station {code} ({origin}), whose key this station has not enrolled. Compare fingerprints and run `bioreserve sync trust` with its key file first; nothing was imported.</source>
            <translation>{path} 来自站点 {code}（{origin}），本站尚未登记其密钥。请先核对指纹并用其密钥文件运行 `bioreserve sync trust`；未导入任何内容。</translation>
        </message>
        <message>
            <source>{path} comes from station {code}, whose key was revoked here; nothing was imported.</source>
            <translation>{path} 来自站点 {code}，其密钥已在本站吊销；未导入任何内容。</translation>
        </message>
        <message>
            <source>{path} is not a BioReserve station key file or is damaged. Ask the other station to export its key again (`bioreserve sync export-key`).</source>
            <translation>{path} 不是 BioReserve 站点密钥文件或已损坏。请对方站点重新导出密钥（`bioreserve sync export-key`）。</translation>
        </message>
        <message>
            <source>{path} is not a complete BioReserve bundle (truncated or damaged). Copy it from the sending station again; nothing was imported.</source>
            <translation>{path} 不是完整的 BioReserve 同步包（被截断或已损坏）。请从发送站点重新复制；未导入任何内容。</translation>
        </message>
        <message>
            <source>{path} is tampered or not signed: its signature does not match the key of station {code}. Nothing was imported; get a fresh bundle from that station.</source>
            <translation>{path} 被篡改或未签名：其签名与站点 {code} 的密钥不符。未导入任何内容；请向该站重新获取同步包。</translation>
        </message>
        <message>
            <source>{path} is tampered: its operations do not match the signed manifest. Nothing was imported; get a fresh bundle from station {code}.</source>
            <translation>{path} 被篡改：其中的操作与已签名的清单不符。未导入任何内容；请向站点 {code} 重新获取同步包。</translation>
        </message>
        <message>
            <source>{path} is this station's own key; import the key of another station.</source>
            <translation>{path} 是本站自己的密钥；请导入其他站点的密钥。</translation>
        </message>
        <message>
            <source>{path} was made by a newer BioReserve (schema {found}, this station has {known}): update this station first, then import the bundle again.</source>
            <translation>{path} 由更新版本的 BioReserve 生成（数据库结构版本 {found}，本站为 {known}）：请先升级本站程序，再重新导入该同步包。</translation>
        </message>
        <message>
            <source>{path} was made by this station itself; import it at another station.</source>
            <translation>{path} 由本站自己生成；请在其他站点导入。</translation>
        </message>
        <message>
            <source>A bundle upload needs a Content-Length.</source>
            <translation>上传数据包须带 Content-Length。</translation>
        </message>
        <message>
            <source>Address to listen on (the LAN address to serve other computers).</source>
            <translation>监听地址（为其他计算机服务时填局域网地址）。</translation>
        </message>
        <message>
            <source>Bundle {id} of the hub arrived damaged (its SHA-256 differs from the hub's list); pull again.</source>
            <translation>中转站的数据包 {id} 传输中损坏（其 SHA-256 与中转站列表不符），请重新拉取。</translation>
        </message>
        <message>
            <source>Cannot reach the hub at {url}: {reason}. Check that `bioreserve sync serve` runs there, that the address and port are right and that the network is up.</source>
            <translation>无法连接中转站 {url}：{reason}。请检查该处是否在运行 `bioreserve sync serve`、地址和端口是否正确、网络是否连通。</translation>
        </message>
        <message>
            <source>Fetch, verify and apply the bundles a LAN hub holds for this station.</source>
            <translation>从局域网中转站获取发给本站的数据包，验证后应用。</translation>
        </message>
        <message>
            <source>Hub listening on {url}, keeping bundles in {store}. Stop with Ctrl+C.</source>
            <translation>中转站正在 {url} 监听，数据包保存在 {store}。按 Ctrl+C 停止。</translation>
        </message>
        <message>
            <source>Hub stopped.</source>
            <translation>中转站已停止。</translation>
        </message>
        <message>
            <source>Imported bundle {sequence} from {code}: {applied} applied, {known} already known, {deferred} deferred.</source>
            <translation>已导入来自 {code} 的数据包 {sequence}：应用 {applied} 条，已有 {known} 条，暂缓 {deferred} 条。</translation>
        </message>
        <message>
            <source>No such address on this hub.</source>
            <translation>本中转站没有此地址。</translation>
        </message>
        <message>
            <source>Read every bundle the hub holds again (e.g. after enrolling a station).</source>
            <translation>重新读取中转站保存的全部数据包（例如登记新站点之后）。</translation>
        </message>
        <message>
            <source>Refused bundle {id} of the hub: {message}</source>
            <translation>已拒绝中转站的数据包 {id}：{message}</translation>
        </message>
        <message>
            <source>Run a LAN hub that relays signed bundles between stations over HTTP (stop with Ctrl+C). The hub is not a station and needs no keys: stations verify every bundle.</source>
            <translation>运行局域网中转站，通过 HTTP 在站点之间转发签名数据包（按 Ctrl+C 停止）。中转站不是站点，不需要密钥：每个数据包都由站点自行验证。</translation>
        </message>
        <message>
            <source>SQLite file where the hub keeps the bundles (default: hub.db in the user data folder).</source>
            <translation>中转站保存数据包的 SQLite 文件（默认：用户数据文件夹中的 hub.db）。</translation>
        </message>
        <message>
            <source>Send the changes other stations lack to a LAN hub.</source>
            <translation>把其他站点缺少的变更发送到局域网中转站。</translation>
        </message>
        <message>
            <source>Sent bundle {sequence} with {ops} operation(s) to {url} (hub id {id}).</source>
            <translation>已将含 {ops} 条操作的数据包 {sequence} 发送到 {url}（中转站编号 {id}）。</translation>
        </message>
        <message>
            <source>TCP port (0: any free port).</source>
            <translation>TCP 端口（0：任一空闲端口）。</translation>
        </message>
        <message>
            <source>The answer of {url} is not a BioReserve hub's; check the address.</source>
            <translation>{url} 的应答不是 BioReserve 中转站的应答，请检查地址。</translation>
        </message>
        <message>
            <source>The body is not a BioReserve bundle (no manifest).</source>
            <translation>上传内容不是 BioReserve 数据包（没有清单）。</translation>
        </message>
        <message>
            <source>The body is not a complete BioReserve bundle (truncated or damaged).</source>
            <translation>上传内容不是完整的 BioReserve 数据包（被截断或已损坏）。</translation>
        </message>
        <message>
            <source>The bundle is larger than the hub accepts ({limit} MB).</source>
            <translation>数据包超过中转站允许的大小（{limit} MB）。</translation>
        </message>
        <message>
            <source>The bundle's manifest is too large.</source>
            <translation>数据包的清单过大。</translation>
        </message>
        <message>
            <source>The hub at {url} answered {status}: {reason}</source>
            <translation>中转站 {url} 应答 {status}：{reason}</translation>
        </message>
        <message>
            <source>The hub cannot listen on {host}:{port}: {reason}. Choose another port or stop the program that uses it.</source>
            <translation>中转站无法在 {host}:{port} 监听：{reason}。请换一个端口，或停止占用该端口的程序。</translation>
        </message>
        <message>
            <source>The hub cannot read its store: {reason}</source>
            <translation>中转站无法读取其存储：{reason}</translation>
        </message>
        <message>
            <source>The hub cannot store the bundle: {reason}</source>
            <translation>中转站无法保存数据包：{reason}</translation>
        </message>
        <message>
            <source>The hub holds no such bundle.</source>
            <translation>中转站没有这个数据包。</translation>
        </message>
        <message>
            <source>The hub {url} already holds this bundle (hub id {id}).</source>
            <translation>中转站 {url} 已有此数据包（中转站编号 {id}）。</translation>
        </message>
        <message>
            <source>The hub {url} holds no new bundles for this station.</source>
            <translation>中转站 {url} 没有发给本站的新数据包。</translation>
        </message>
        <message>
            <source>The upload ended before the whole bundle came.</source>
            <translation>数据包尚未传完，上传就中断了。</translation>
        </message>
        <message>
            <source>after= must be a bundle id.</source>
            <translation>after= 必须是数据包编号。</translation>
        </message>
        <message>
            <source>{url} is not a hub address; give one like http://192.168.1.10:8765.</source>
            <translation>{url} 不是中转站地址，请填写类似 http://192.168.1.10:8765 的地址。</translation>
        </message>
        <message>
            <source>A reconciliation needs its reason: say what the count found and why.</source>
            <translation>对账须填写原因：说明盘点发现了什么、原因为何。</translation>
        </message>
        <message>
            <source>Actor</source>
            <translation>操作人</translation>
        </message>
        <message>
            <source>Balance</source>
            <translation>结存</translation>
        </message>
        <message>
            <source>List the fields that two stations changed without seeing each other's change, with every competing version.</source>
            <translation>列出两个站点在互不知情的情况下修改的字段，以及每个竞争版本。</translation>
        </message>
        <message>
            <source>Negative balances left by a merge (对账事项): list them, or settle one with a count (--depot, --item, --lot, --counted, --reason).</source>
            <translation>合并后出现的负库存（对账事项）：列出，或以盘点处理其中一项（--depot、--item、--lot、--counted、--reason）。</translation>
        </message>
        <message>
            <source>No conflicts: every field has one version.</source>
            <translation>没有冲突：每个字段只有一个版本。</translation>
        </message>
        <message>
            <source>No negative balances to reconcile.</source>
            <translation>没有需要对账的负库存。</translation>
        </message>
        <message>
            <source>Operation</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Operation of the version to keep.</source>
            <translation>要保留的版本所对应的操作。</translation>
        </message>
        <message>
            <source>Reconciles a negative balance after a merge: {reason}</source>
            <translation>同步合并后负库存对账：{reason}</translation>
        </message>
        <message>
            <source>Settle a conflict by choosing one version (its operation, from `sync conflicts`); the choice travels to the other stations like any edit.</source>
            <translation>选择一个版本以解决冲突（版本的操作编号见 `sync conflicts`）；该选择会像其他修改一样同步到其他站点。</translation>
        </message>
        <message>
            <source>Station</source>
            <translation>站点</translation>
        </message>
        <message>
            <source>Station {station}'s clock was {hours} h ahead of this one (noted {when}); its times were not adopted. Check that station's date and time.</source>
            <translation>站点 {station} 的时钟比本站快 {hours} 小时（记录于 {when}）；本站未采用其时间。请检查该站点的日期和时间。</translation>
        </message>
        <message>
            <source>Stations</source>
            <translation>站点</translation>
        </message>
        <message>
            <source>The merge state (row_clock) of {table} row {id} does not match its operations; run check --rebuild.</source>
            <translation>{table} 记录 {id} 的合并状态（row_clock）与其操作不符；请运行 check --rebuild。</translation>
        </message>
        <message>
            <source>There is no open conflict {key}; it may have been settled already.</source>
            <translation>没有未解决的冲突 {key}；它可能已被处理。</translation>
        </message>
        <message>
            <source>To settle an item give --depot, --item, --lot, --counted and --reason.</source>
            <translation>处理对账事项须给出 --depot、--item、--lot、--counted 和 --reason。</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <source>What the count found (required to settle).</source>
            <translation>盘点发现的情况（处理时必填）。</translation>
        </message>
        <message>
            <source>kept</source>
            <translation>保留</translation>
        </message>
        <message>
            <source>lost</source>
            <translation>落选</translation>
        </message>
        <message>
            <source>{field} of {label} now holds the version of {ref}.</source>
            <translation>{label} 的 {field} 现为操作 {ref} 的版本。</translation>
        </message>
        <message>
            <source>{path} from station {sender} relays operations of station {code}, whose key was revoked here; nothing was imported.</source>
            <translation>{path} 来自站点 {sender}，其中转发了站点 {code} 的操作，而该站点的密钥已在本站撤销；未导入任何内容。</translation>
        </message>
        <message>
            <source>{path} was made for station {station}, not for this station ({own}); nothing was imported. Import it at that station.</source>
            <translation>{path} 是为站点 {station} 制作的，不是本站（{own}）；未导入任何内容。请在该站点导入。</translation>
        </message>
        <message>
            <source>{ref} is not one of the versions in conflict {key}; choose one of: {refs}.</source>
            <translation>{ref} 不是冲突 {key} 中的版本；请从以下版本中选择：{refs}。</translation>
        </message>
        <message>
            <source>{count} new conflict(s): two stations changed the same field; see `sync conflicts` ({total} open).</source>
            <translation>新增 {count} 个冲突：两个站点修改了同一字段；请查看 `sync conflicts`（共 {total} 个未解决）。</translation>
        </message>
        <message>
            <source>Usable stock of item {item} at depot {depot} is {have} but its lots give {want}; run check --rebuild.</source>
            <translation>仓库 {depot} 中物资 {item} 的可用库存为 {have}，但按各批次计算应为 {want}；请运行 check --rebuild。</translation>
        </message>
        <message>
            <source>At most {max}.</source>
            <translation>不能超过 {max}。</translation>
        </message>
        <message>
            <source>{field} can be at most {max}.</source>
            <translation>{field}不能超过 {max}。</translation>
        </message>
        <message>
            <source>Index {index} of table {table} is missing.</source>
            <translation>表 {table} 缺少索引 {index}。</translation>
        </message>
        <message>
            <source>Table {table} is missing.</source>
            <translation>缺少表 {table}。</translation>
        </message>
        <message>
            <source>The columns of table {table} differ from the schema.</source>
            <translation>表 {table} 的字段与数据库结构定义不一致。</translation>
        </message>
        <message>
            <source>The foreign keys of table {table} differ from the schema.</source>
            <translation>表 {table} 的外键与数据库结构定义不一致。</translation>
        </message>
        <message>
            <source>The searchable words name a missing {table} {id}; run check --rebuild.</source>
            <translation>检索词表中的 {table} {id} 已不存在；请运行 check --rebuild。</translation>
        </message>
        <message>
            <source>The searchable words of {table} {id} are out of date; run check --rebuild.</source>
            <translation>{table} {id} 的检索词已过期；请运行 check --rebuild。</translation>
        </message>
        <message>
            <source>Trigger {trigger} of table {table} is missing: the database was altered outside BioReserve. Restore it from a backup.</source>
            <translation>表 {table} 缺少触发器 {trigger}：数据库曾在 BioReserve 之外被修改。请从备份恢复。</translation>
        </message>
        <message>
            <source>Operation {ref} ({table}) cannot be applied: {problem}. Nothing was applied.</source>
            <translation>操作 {ref}（{table}）无法应用：{problem}。未应用任何内容。</translation>
        </message>
        <message>
            <source>a deletion sets only deleted = 1</source>
            <translation>删除操作只能设置 deleted = 1</translation>
        </message>
        <message>
            <source>its author is not valid</source>
            <translation>其操作人无效</translation>
        </message>
        <message>
            <source>its bases are not valid</source>
            <translation>其依据无效</translation>
        </message>
        <message>
            <source>its fields are not valid</source>
            <translation>其字段无效</translation>
        </message>
        <message>
            <source>its row id is not valid</source>
            <translation>其记录编号无效</translation>
        </message>
        <message>
            <source>its sequence number is out of range</source>
            <translation>其序号超出范围</translation>
        </message>
        <message>
            <source>its time stamp is not valid</source>
            <translation>其时间戳无效</translation>
        </message>
        <message>
            <source>its time stamp lies more than a year in the future</source>
            <translation>其时间戳比本站时钟超前一年以上</translation>
        </message>
        <message>
            <source>the kind {kind} is not allowed here</source>
            <translation>此处不允许类型 {kind}</translation>
        </message>
        <message>
            <source>the table is unknown</source>
            <translation>表未知</translation>
        </message>
        <message>
            <source>{field} = {value} is not a valid value</source>
            <translation>{field} = {value} 不是有效的值</translation>
        </message>
        <message>
            <source>it sets the row's key {field}</source>
            <translation>它改写了记录的主键 {field}</translation>
        </message>
        <message>
            <source>The operations of station {code} in {path} do not end at the head that station signed: they were altered. Nothing was imported.</source>
            <translation>{path} 中站点 {code} 的操作与该站签名的链头不符：已被篡改。未导入任何内容。</translation>
        </message>
        <message>
            <source>a malformed signed head</source>
            <translation>签名链头格式错误</translation>
        </message>
        <message>
            <source>an encrypted entry</source>
            <translation>含有加密的条目</translation>
        </message>
        <message>
            <source>an unsupported compression</source>
            <translation>使用了不支持的压缩方式</translation>
        </message>
        <message>
            <source>file</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>manifest</source>
            <translation>清单</translation>
        </message>
        <message>
            <source>no signed heads</source>
            <translation>缺少签名链头</translation>
        </message>
        <message>
            <source>operations</source>
            <translation>操作数据</translation>
        </message>
        <message>
            <source>signature</source>
            <translation>签名</translation>
        </message>
        <message>
            <source>unexpected entries</source>
            <translation>含有多余或缺失的条目</translation>
        </message>
        <message>
            <source>{count} operation(s) of stations not enrolled here were left out: {origins}</source>
            <translation>有 {count} 条操作来自本站未登记的站点，未予导入：{origins}</translation>
        </message>
        <message>
            <source>{path} carries operations of station {code} that station did not sign: they are forged (relayed by station {sender}). Nothing was imported.</source>
            <translation>{path} 携带了站点 {code} 并未签名的操作：系伪造（由站点 {sender} 转发）。未导入任何内容。</translation>
        </message>
        <message>
            <source>{path} carries operations of station {code} without that station's signature; nothing was imported.</source>
            <translation>{path} 携带了站点 {code} 的操作，却没有该站的签名；未导入任何内容。</translation>
        </message>
        <message>
            <source>{path} carries reference data, which every station builds itself and never receives: it was forged by station {sender}. Nothing was imported.</source>
            <translation>{path} 携带了基础参考数据，而参考数据由各站自行生成、从不传输：系站点 {sender} 伪造。未导入任何内容。</translation>
        </message>
        <message>
            <source>{path} from station {sender} carries operations under this station's own identity that this station never made: they are forged. Nothing was imported.</source>
            <translation>站点 {sender} 发来的 {path} 携带了以本站名义、但本站从未做出的操作：系伪造。未导入任何内容。</translation>
        </message>
        <message>
            <source>{path} is refused: its {what} is larger than any bundle BioReserve writes. Nothing was imported.</source>
            <translation>{path} 被拒绝：其{what}超过了 BioReserve 生成的任何同步包的大小。未导入任何内容。</translation>
        </message>
        <message>
            <source>Order {number} is not an order of station {code}, which signed this QR code: the printed order is forged.</source>
            <translation>调拨单 {number} 不是签署此二维码的站点 {code} 的调拨单：该打印件系伪造。</translation>
        </message>
        <message>
            <source>A passphrase is needed for this station's private key: set the environment variable BIORESERVE_KEY_PASSPHRASE, or run the command in a terminal to be asked for it.</source>
            <translation>本站私钥需要口令：请设置环境变量 BIORESERVE_KEY_PASSPHRASE，或在终端中运行该命令以便输入口令。</translation>
        </message>
        <message>
            <source>A passphrase needs at least {count} characters.</source>
            <translation>口令至少需要 {count} 个字符。</translation>
        </message>
        <message>
            <source>Backup file to write.</source>
            <translation>要写入的备份文件。</translation>
        </message>
        <message>
            <source>Do not ask for confirmation.</source>
            <translation>不询问确认。</translation>
        </message>
        <message>
            <source>Encrypt the private key again under a key-encryption key of the kind chosen.</source>
            <translation>用所选类型的密钥加密密钥重新加密私钥。</translation>
        </message>
        <message>
            <source>Make a new key pair (and origin) for this station, when its key is lost or may have been stolen; other stations must then trust the new key.</source>
            <translation>为本站生成新的密钥对（及新的来源标识），用于私钥丢失或可能被盗时；之后其他站点须信任新密钥。</translation>
        </message>
        <message>
            <source>Make a new key pair for this station? Its fingerprint and origin change: other stations accept its bundles only once they trust the new key, and orders printed with the old key no longer verify here.</source>
            <translation>为本站生成新的密钥对？其密钥指纹和来源标识将改变：其他站点信任新密钥后才会接受本站的同步包，且用旧密钥签发的已打印调拨单将无法在本站验证。</translation>
        </message>
        <message>
            <source>New key pair for {code}.
Origin: {old_origin} → {origin}
Key fingerprint: {old_fingerprint} → {fingerprint}
Other stations must trust the new key: export it with `bioreserve sync export-key` and enrol it there with `bioreserve sync trust`; they may then revoke the old one with `bioreserve sync revoke {old_origin}`.</source>
            <translation>已为 {code} 生成新的密钥对。
来源标识：{old_origin} → {origin}
密钥指纹：{old_fingerprint} → {fingerprint}
其他站点须信任新密钥：用 `bioreserve sync export-key` 导出，在对方站点用 `bioreserve sync trust` 登记；之后对方可用 `bioreserve sync revoke {old_origin}` 吊销旧密钥。</translation>
        </message>
        <message>
            <source>New passphrase for the station's private key</source>
            <translation>本站私钥的新口令</translation>
        </message>
        <message>
            <source>Passphrase for the key backup</source>
            <translation>密钥备份的口令</translation>
        </message>
        <message>
            <source>Passphrase of the key backup {path}</source>
            <translation>密钥备份 {path} 的口令</translation>
        </message>
        <message>
            <source>Passphrase of the station's private key</source>
            <translation>本站私钥的口令</translation>
        </message>
        <message>
            <source>Private key: NOT encrypted ({kek})</source>
            <translation>私钥：未加密（{kek}）</translation>
        </message>
        <message>
            <source>Private key: encrypted; key-encryption key: {kek}</source>
            <translation>私钥：已加密；密钥加密密钥：{kek}</translation>
        </message>
        <message>
            <source>Private key: —</source>
            <translation>私钥：—</translation>
        </message>
        <message>
            <source>Put this station's private key back from a backup (after reinstalling, or on a new computer).</source>
            <translation>从备份恢复本站私钥（重装系统后，或在新计算机上）。</translation>
        </message>
        <message>
            <source>Restore the key from its backup with `bioreserve station restore-key FILE`, or make a new key pair with `bioreserve station new-key` (other stations must then trust the new key).</source>
            <translation>请用 `bioreserve station restore-key FILE` 从备份恢复私钥，或用 `bioreserve station new-key` 生成新的密钥对（之后其他站点须信任新密钥）。</translation>
        </message>
        <message>
            <source>Restored the private key of {code} (fingerprint {fingerprint}) from {path}.</source>
            <translation>已从 {path} 恢复 {code} 的私钥（指纹 {fingerprint}）。</translation>
        </message>
        <message>
            <source>The desktop keyring did not give the station's key-encryption key: {reason}.</source>
            <translation>桌面密钥环未能提供本站的密钥加密密钥：{reason}。</translation>
        </message>
        <message>
            <source>The key file {path} is damaged.</source>
            <translation>密钥文件 {path} 已损坏。</translation>
        </message>
        <message>
            <source>The key-encryption key kept in {kek} does not open this station's private key (it belongs to another copy of the station, or was replaced).</source>
            <translation>保存在{kek}中的密钥加密密钥无法解开本站私钥（它属于本站的另一个副本，或已被替换）。</translation>
        </message>
        <message>
            <source>The keyring entry {service}/{entry} is damaged.</source>
            <translation>密钥环条目 {service}/{entry} 已损坏。</translation>
        </message>
        <message>
            <source>The passphrase does not open the key backup {path} (or the file was altered); nothing was changed.</source>
            <translation>口令无法解开密钥备份 {path}（或该文件已被改动）；未做任何更改。</translation>
        </message>
        <message>
            <source>The passphrase does not open this station's private key. Check it (BIORESERVE_KEY_PASSPHRASE, if set) and try again.</source>
            <translation>口令无法解开本站私钥。请检查口令（如已设置，也请检查 BIORESERVE_KEY_PASSPHRASE）后重试。</translation>
        </message>
        <message>
            <source>The private key stored in {path} does not belong to the station's public key: the station table was altered. Restore the database from a backup, or make a new key pair with `bioreserve station new-key`.</source>
            <translation>{path} 中保存的私钥与本站公钥不匹配：站点表已被改动。请从备份恢复数据库，或用 `bioreserve station new-key` 生成新的密钥对。</translation>
        </message>
        <message>
            <source>This station's private key is encrypted with a key kept in the desktop keyring (Secret Service), which cannot be reached here (no keyring in this session, or on this computer).</source>
            <translation>本站私钥由保存在桌面密钥环（Secret Service）中的密钥加密，而此处无法访问该密钥环（当前会话或本计算机上没有密钥环）。</translation>
        </message>
        <message>
            <source>This station's private key is encrypted, and its key-encryption key is not in this computer's keyring (entry {service}/{entry}): the database was copied or restored without it. Everything but signing works.</source>
            <translation>本站私钥已加密，而其密钥加密密钥不在本计算机的密钥环中（条目 {service}/{entry}）：数据库是在未带该密钥的情况下复制或恢复的。除签名外，其他功能均可正常使用。</translation>
        </message>
        <message>
            <source>This station's private key is encrypted, and its key-encryption key is not on this computer (it would be the file {path}): the database was copied or restored without it. Everything but signing works.</source>
            <translation>本站私钥已加密，而其密钥加密密钥不在本计算机上（应为文件 {path}）：数据库是在未带该密钥的情况下复制或恢复的。除签名外，其他功能均可正常使用。</translation>
        </message>
        <message>
            <source>This station's private key is protected by Windows (DPAPI) for the user who made it, on the computer where it was made; it cannot be unlocked here.</source>
            <translation>本站私钥由 Windows（DPAPI）为创建它的用户、在创建它的计算机上保护，无法在此处解锁。</translation>
        </message>
        <message>
            <source>This station's private key is stored in a form this BioReserve does not know (a newer version, or damage).</source>
            <translation>本站私钥的保存格式无法被此版本 BioReserve 识别（可能来自更新的版本，或已损坏）。</translation>
        </message>
        <message>
            <source>This station's private key: protection, backup, restore, new key pair.</source>
            <translation>本站私钥：保护方式、备份、恢复、新密钥对。</translation>
        </message>
        <message>
            <source>Where the key-encryption key lives: auto (Windows DPAPI, else the desktop keyring when there is one, else a key file), a key file, or a passphrase.</source>
            <translation>密钥加密密钥的存放方式：auto（Windows 上用 DPAPI；否则有桌面密钥环时用密钥环，没有时用密钥文件）、file（密钥文件）或 passphrase（口令）。</translation>
        </message>
        <message>
            <source>Windows (DPAPI), for this Windows user on this computer</source>
            <translation>Windows（DPAPI），限本计算机上的当前 Windows 用户</translation>
        </message>
        <message>
            <source>Windows could not protect the station's key: {reason}</source>
            <translation>Windows 无法保护本站密钥：{reason}</translation>
        </message>
        <message>
            <source>Windows could not unlock this station's private key ({reason}): it was protected for another user or on another computer.</source>
            <translation>Windows 无法解锁本站私钥（{reason}）：它是为另一用户或在另一台计算机上保护的。</translation>
        </message>
        <message>
            <source>Write the private key, encrypted with a passphrase, to a file kept apart.</source>
            <translation>将私钥用口令加密后写入一个单独保管的文件。</translation>
        </message>
        <message>
            <source>Wrote the private key of {code} (fingerprint {fingerprint}) to {path}, encrypted with the passphrase. Keep the file and the passphrase apart: with both, `bioreserve station restore-key` puts the key back.</source>
            <translation>已将 {code} 的私钥（指纹 {fingerprint}）用口令加密后写入 {path}。请将该文件与口令分开保管：两者俱全时，可用 `bioreserve station restore-key` 恢复私钥。</translation>
        </message>
        <message>
            <source>a passphrase (stored nowhere)</source>
            <translation>口令（不在任何地方保存）</translation>
        </message>
        <message>
            <source>none: the key is stored unencrypted in the database file</source>
            <translation>无：私钥以未加密形式保存在数据库文件中</translation>
        </message>
        <message>
            <source>the desktop keyring (Secret Service), entry {service}/{entry}</source>
            <translation>桌面密钥环（Secret Service）条目 {service}/{entry}</translation>
        </message>
        <message>
            <source>the key file {path}</source>
            <translation>密钥文件 {path}</translation>
        </message>
        <message>
            <source>unknown (a form this BioReserve does not know)</source>
            <translation>未知（此版本 BioReserve 无法识别的格式）</translation>
        </message>
        <message>
            <source>{files}: readable by other users of this computer until now; made private to their owner.</source>
            <translation>{files}：此前本计算机的其他用户可读；现已改为仅所有者可访问。</translation>
        </message>
        <message>
            <source>{path} holds the key of station {code} (fingerprint {theirs}), not the key of this station {own} (fingerprint {ours}); nothing was changed.</source>
            <translation>{path} 保存的是站点 {code} 的密钥（指纹 {theirs}），而不是本站 {own} 的密钥（指纹 {ours}）；未做任何更改。</translation>
        </message>
        <message>
            <source>{path} is not a BioReserve key backup or is damaged (`bioreserve station backup-key` writes them).</source>
            <translation>{path} 不是 BioReserve 密钥备份或已损坏（密钥备份由 `bioreserve station backup-key` 生成）。</translation>
        </message>
        <message>
            <source>{path}: the station's private key was stored unencrypted by an older BioReserve; it is now encrypted (key-encryption key: {kek}) and the unencrypted bytes were overwritten. Copies and backups of the database made before still hold the unencrypted key ({backups}): delete them, or keep them as safe as the key.</source>
            <translation>{path}：旧版 BioReserve 以未加密形式保存了本站私钥；现已加密（密钥加密密钥：{kek}），未加密的字节已被覆盖。此前制作的数据库副本和备份中仍有未加密的私钥（{backups}）：请删除，或像保管私钥一样妥善保管。</translation>
        </message>
        <message>
            <source>{table} {id}: {field} = {value} is out of range (whole numbers within ±10^12).</source>
            <translation>{table} {id}：{field} = {value} 超出范围（整数须在 ±10^12 以内）。</translation>
        </message>
        <message>
            <source>This part of the check could not run: {reason}.</source>
            <translation>此项检查无法进行：{reason}。</translation>
        </message>
        <message>
            <source>{count} operation(s) of stations whose keys are not enrolled here were left out ({origins}): only a station itself can vouch for its work. Trust its key (`bioreserve sync trust`) and they come with a later bundle.</source>
            <translation>有 {count} 条操作来自密钥未在本站登记的站点，未予导入（{origins}）：只有站点本身才能为其操作作保。信任该站密钥（`bioreserve sync trust`）后，这些操作会随后续同步包到来。</translation>
        </message>
        <message>
            <source>Contains the control character U+{code}, which no text may hold.</source>
            <translation>含有控制字符 U+{code}，任何文本都不能包含。</translation>
        </message>
        <message>
            <source>Days</source>
            <translation>天数</translation>
        </message>
        <message>
            <source>Longer than {max} characters.</source>
            <translation>超过 {max} 个字符。</translation>
        </message>
        <message>
            <source>The database changed while {file} was being checked (another window or station saved what its rows refer to); nothing was imported. Import it again.</source>
            <translation>检查 {file} 期间数据库已发生变化（其他窗口或站点保存了其各行所引用的数据）；未导入任何内容。请重新导入。</translation>
        </message>
        <message>
            <source>it declares a document type (DTD), which no spreadsheet needs</source>
            <translation>文件声明了文档类型（DTD），而电子表格从不需要它</translation>
        </message>
        <message>
            <source>it has more than {max} shared strings</source>
            <translation>共享字符串超过 {max} 个</translation>
        </message>
        <message>
            <source>it has no part {part}</source>
            <translation>缺少部件 {part}</translation>
        </message>
        <message>
            <source>it has no worksheet</source>
            <translation>没有工作表</translation>
        </message>
        <message>
            <source>it holds the part {part} twice</source>
            <translation>部件 {part} 出现了两次</translation>
        </message>
        <message>
            <source>its part {part} is encrypted</source>
            <translation>部件 {part} 已加密</translation>
        </message>
        <message>
            <source>its part {part} is not valid XML ({reason})</source>
            <translation>部件 {part} 不是有效的 XML（{reason}）</translation>
        </message>
        <message>
            <source>its part {part} unpacks to more than {max} MB</source>
            <translation>部件 {part} 解压后超过 {max} MB</translation>
        </message>
        <message>
            <source>its part {part} uses an unsupported compression</source>
            <translation>部件 {part} 使用了不支持的压缩方式</translation>
        </message>
        <message>
            <source>its sheet has a cell beyond Excel's last row or column</source>
            <translation>工作表中有单元格超出了 Excel 的最后一行或最后一列</translation>
        </message>
        <message>
            <source>its sheet has a cell without a valid reference ({ref})</source>
            <translation>工作表中有单元格没有有效的位置引用（{ref}）</translation>
        </message>
        <message>
            <source>its sheet spans {rows} rows × {columns} columns, more than {max} cells</source>
            <translation>工作表范围为 {rows} 行 × {columns} 列，超过 {max} 个单元格</translation>
        </message>
        <message>
            <source>{field} is a number of days from 0 to {max}.</source>
            <translation>{field}必须是 0 至 {max} 之间的整数。</translation>
        </message>
        <message>
            <source>{file} is refused: its line {line} has more than {max} characters.</source>
            <translation>已拒绝 {file}：其第 {line} 行超过 {max} 个字符。</translation>
        </message>
        <message>
            <source>{file} is refused: {reason}.</source>
            <translation>已拒绝 {file}：{reason}。</translation>
        </message>
        <message>
            <source>{file} is too large to import ({size} MB; at most {max} MB): split it into several files.</source>
            <translation>{file} 太大，无法导入（{size} MB；最多 {max} MB）：请拆分为几个文件。</translation>
        </message>
        <message>
            <source>The file holds the experts' full phone numbers (personal data). It was written readable by you only; hand it on only to whom may see them, and delete it after.</source>
            <translation>该文件含有专家的完整电话号码（个人信息），已设为仅您本人可读；请只交给有权查看的人员，用后删除。</translation>
        </message>
        <message>
            <source>It holds this station's records, experts' names and phone numbers among them, signed but not encrypted: carry it to the other station and delete it there after the import.</source>
            <translation>同步包含有本站的数据记录（包括专家姓名和电话），已签名但未加密：请送交对方站点，导入后即删除。</translation>
        </message>
        <message>
            <source>Printed: {time}</source>
            <translation>打印时间：{time}</translation>
        </message>
        <message>
            <source>[Demo data] {station}</source>
            <translation>【演示数据】{station}</translation>
        </message>
        <message>
            <source>Page {page} of {total}</source>
            <translation>第 {page} 页 共 {total} 页</translation>
        </message>
        <message>
            <source>Report No. {number}</source>
            <translation>报告编号：{number}</translation>
        </message>
        <message>
            <source>No deadline set</source>
            <translation>无规定时限</translation>
        </message>
        <message>
            <source>Late by {hours} h {minutes} min</source>
            <translation>逾期 {hours} 小时 {minutes} 分钟</translation>
        </message>
        <message>
            <source>On time</source>
            <translation>按时报告</translation>
        </message>
        <message>
            <source>{basis}: within {hours} h</source>
            <translation>{basis}：{hours} 小时内</translation>
        </message>
        <message>
            <source>; this station's deadline: {hours} h</source>
            <translation>；本站设定时限 {hours} 小时</translation>
        </message>
        <message>
            <source>Issue {seq}</source>
            <translation>第 {seq} 期</translation>
        </message>
        <message>
            <source>Reporting unit</source>
            <translation>报告单位</translation>
        </message>
        <message>
            <source>Reported to</source>
            <translation>报告对象</translation>
        </message>
        <message>
            <source>Report time</source>
            <translation>报告时间</translation>
        </message>
        <message>
            <source>Incident No.</source>
            <translation>事件编号</translation>
        </message>
        <message>
            <source>Report No.</source>
            <translation>报告编号</translation>
        </message>
        <message>
            <source>Reporting step</source>
            <translation>报送环节</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>报告时限</translation>
        </message>
        <message>
            <source>Deadline met</source>
            <translation>时限执行</translation>
        </message>
        <message>
            <source>Basis of the deadline</source>
            <translation>时限依据</translation>
        </message>
        <message>
            <source>1. Overview of the incident</source>
            <translation>一、事件概况</translation>
        </message>
        <message>
            <source>2. Measures taken</source>
            <translation>二、已采取措施</translation>
        </message>
        <message>
            <source>3. Next steps</source>
            <translation>三、下一步工作</translation>
        </message>
        <message>
            <source>Signed by: {signer}</source>
            <translation>签发人：{signer}</translation>
        </message>
        <message>
            <source>{year}-{month}-{day}</source>
            <translation>{year}年{month}月{day}日</translation>
        </message>
        <message>
            <source>A depot it may draw on (repeat); default: its division's and the city's.</source>
            <translation>可调用的仓库（可重复）；默认为事发区划的仓库和市级储备库。</translation>
        </message>
        <message>
            <source>A line names an item and a quantity per day.</source>
            <translation>需求行须写明物资和每日用量。</translation>
        </message>
        <message>
            <source>A note for the log.</source>
            <translation>写入大事记的说明。</translation>
        </message>
        <message>
            <source>A note.</source>
            <translation>备注。</translation>
        </message>
        <message>
            <source>Activate a playbook: its tasks and material lines.</source>
            <translation>启动预案：生成任务和物资需求行。</translation>
        </message>
        <message>
            <source>Activated</source>
            <translation>已启动</translation>
        </message>
        <message>
            <source>Agency code.</source>
            <translation>单位代码。</translation>
        </message>
        <message>
            <source>Allocation order {number} approved by {approver}; stock reserved.</source>
            <translation>调拨单 {number} 已由 {approver} 批准，库存已预留。</translation>
        </message>
        <message>
            <source>Allocation order {number} cancelled: {reason}.</source>
            <translation>调拨单 {number} 已作废：{reason}。</translation>
        </message>
        <message>
            <source>Allocation order {number} dispatched: stock left {source}.</source>
            <translation>调拨单 {number} 已发运：物资已从{source}出库。</translation>
        </message>
        <message>
            <source>Allocation order {number} drafted ({source}, {lines} line(s)).</source>
            <translation>调拨单 {number} 已拟制（{source}，{lines} 行）。</translation>
        </message>
        <message>
            <source>Allocation order {number} received by {destination}.</source>
            <translation>调拨单 {number} 已由{destination}接收。</translation>
        </message>
        <message>
            <source>Allocation order {number} submitted.</source>
            <translation>调拨单 {number} 已提交。</translation>
        </message>
        <message>
            <source>An entry holds at most {max} characters.</source>
            <translation>一条记事最多 {max} 个字。</translation>
        </message>
        <message>
            <source>An entry to add.</source>
            <translation>要添加的记事。</translation>
        </message>
        <message>
            <source>Area (km²)</source>
            <translation>面积（平方公里）</translation>
        </message>
        <message>
            <source>Area affected, km².</source>
            <translation>影响面积（平方公里）。</translation>
        </message>
        <message>
            <source>Basis</source>
            <translation>依据</translation>
        </message>
        <message>
            <source>Basis must be one of: {bases}.</source>
            <translation>计算基数只能是：{bases}。</translation>
        </message>
        <message>
            <source>Buffer %</source>
            <translation>冗余 %</translation>
        </message>
        <message>
            <source>By</source>
            <translation>记录人</translation>
        </message>
        <message>
            <source>Change an incident's details (not its grade or status).</source>
            <translation>修改事件信息（级别和状态另有命令）。</translation>
        </message>
        <message>
            <source>Change the grade (up or down), with the reason.</source>
            <translation>调整事件级别（升级或降级），须写明理由。</translation>
        </message>
        <message>
            <source>Change the grade by escalating, and the status by advancing it.</source>
            <translation>级别请用“调整级别”修改，状态请用“推进状态”修改。</translation>
        </message>
        <message>
            <source>Changed: {fields}.</source>
            <translation>已修改：{fields}。</translation>
        </message>
        <message>
            <source>Close the incident; experts still out are released.</source>
            <translation>关闭事件；仍在派遣中的专家随之解除派遣。</translation>
        </message>
        <message>
            <source>Commander's phone.</source>
            <translation>指挥长电话。</translation>
        </message>
        <message>
            <source>Commander.</source>
            <translation>现场指挥长。</translation>
        </message>
        <message>
            <source>Days can be at most {max}.</source>
            <translation>天数最多为 {max}。</translation>
        </message>
        <message>
            <source>Depots</source>
            <translation>仓库</translation>
        </message>
        <message>
            <source>Depots it may draw on: {depots}</source>
            <translation>可调用仓库：{depots}</translation>
        </message>
        <message>
            <source>Details changed: {fields}.</source>
            <translation>信息更正：{fields}。</translation>
        </message>
        <message>
            <source>Dispatch an expert (id or name) to the incident.</source>
            <translation>派遣专家（编号或姓名）参与事件处置。</translation>
        </message>
        <message>
            <source>Dispatched:</source>
            <translation>已派遣：</translation>
        </message>
        <message>
            <source>Division code (GB/T 2260), e.g. 430422.</source>
            <translation>行政区划代码（GB/T 2260），如 430422。</translation>
        </message>
        <message>
            <source>Division: {division} {place}</source>
            <translation>区划：{division} {place}</translation>
        </message>
        <message>
            <source>Draft allocation orders for what is still needed.</source>
            <translation>为尚需的物资拟制调拨单。</translation>
        </message>
        <message>
            <source>Drafted from the needs of incident {number}.</source>
            <translation>根据事件 {number} 的物资需求拟制。</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>时限</translation>
        </message>
        <message>
            <source>Entry</source>
            <translation>记事</translation>
        </message>
        <message>
            <source>Every link of the reporting chain has reported; make a progress or the final report.</source>
            <translation>报告链各环节均已报告；请填写进程报告或结案报告。</translation>
        </message>
        <message>
            <source>Expected days</source>
            <translation>预计天数</translation>
        </message>
        <message>
            <source>Expected days can be at most {max}.</source>
            <translation>预计天数最多为 {max}。</translation>
        </message>
        <message>
            <source>Expected duration in days.</source>
            <translation>预计持续天数。</translation>
        </message>
        <message>
            <source>Expert {name} ({organisation}) dispatched.</source>
            <translation>已派遣专家 {name}（{organisation}）。</translation>
        </message>
        <message>
            <source>Expert {name} released.</source>
            <translation>专家 {name} 已解除派遣。</translation>
        </message>
        <message>
            <source>Experts suggested per task, and those dispatched.</source>
            <translation>按任务推荐的专家及已派遣专家。</translation>
        </message>
        <message>
            <source>Exposed people</source>
            <translation>暴露人数</translation>
        </message>
        <message>
            <source>First reports: the link of the reporting chain.</source>
            <translation>首次报告：所属报告链环节。</translation>
        </message>
        <message>
            <source>For its grade</source>
            <translation>适用本级别</translation>
        </message>
        <message>
            <source>Give the grade (I, II, III or IV).</source>
            <translation>请填写事件级别（I、II、III 或 IV）。</translation>
        </message>
        <message>
            <source>Give the incident a title.</source>
            <translation>请填写事件名称。</translation>
        </message>
        <message>
            <source>Give the reason for the change of grade.</source>
            <translation>请写明调整级别的理由。</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>级别</translation>
        </message>
        <message>
            <source>Grade {old} → {new}: {reason}.</source>
            <translation>级别 {old} → {new}：{reason}。</translation>
        </message>
        <message>
            <source>Grade {previous} → {grade}; {tasks} task(s) added.</source>
            <translation>级别 {previous} → {grade}；新增任务 {tasks} 项。</translation>
        </message>
        <message>
            <source>Grade {value} is not one of I, II, III, IV.</source>
            <translation>级别 {value} 不是 I、II、III、IV 之一。</translation>
        </message>
        <message>
            <source>Grades:</source>
            <translation>级别记录：</translation>
        </message>
        <message>
            <source>Have</source>
            <translation>现有</translation>
        </message>
        <message>
            <source>Hazard: a playbook hazard code (bioterror, infectious_disease, …).</source>
            <translation>事件类型：预案的事件类型代码（bioterror、infectious_disease 等）。</translation>
        </message>
        <message>
            <source>Hazard: {hazard}; grade: {grade}; {confirmation}; status: {status}</source>
            <translation>类型：{hazard}；级别：{grade}；{confirmation}；状态：{status}</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>小时</translation>
        </message>
        <message>
            <source>I, II, III or IV (特别重大, 重大, 较大, 一般).</source>
            <translation>I、II、III 或 IV（特别重大、重大、较大、一般）。</translation>
        </message>
        <message>
            <source>I, II, III or IV.</source>
            <translation>I、II、III 或 IV。</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Incident {number} has its final report already.</source>
            <translation>事件 {number} 已有结案报告。</translation>
        </message>
        <message>
            <source>Incident {number} is closed; nothing more can be done in it.</source>
            <translation>事件 {number} 已关闭，不能再作处置操作。</translation>
        </message>
        <message>
            <source>Incident {number} is closed; orders can no longer be made for it.</source>
            <translation>事件 {number} 已关闭，不能再为其开具调拨单。</translation>
        </message>
        <message>
            <source>Incident {number} is grade {grade} already.</source>
            <translation>事件 {number} 已是 {grade} 级。</translation>
        </message>
        <message>
            <source>Incident {number} is {status}; its status only moves forward (报告 → 响应 → 恢复 → 长期监测 → 关闭).</source>
            <translation>事件 {number} 当前为“{status}”；状态只能向前推进（报告 → 响应 → 恢复 → 长期监测 → 关闭）。</translation>
        </message>
        <message>
            <source>Incident {number} recorded (id {id}).</source>
            <translation>事件 {number} 已登记（编号 {id}）。</translation>
        </message>
        <message>
            <source>Incident {number} recorded: {title}, {hazard}, {grade}.</source>
            <translation>事件 {number} 登记：{title}，{hazard}，{grade}。</translation>
        </message>
        <message>
            <source>Incidents (事件): activation, tasks, needs, reports, log, experts.</source>
            <translation>事件：启动预案、任务、物资需求、信息报告、大事记、专家。</translation>
        </message>
        <message>
            <source>Incidents, newest first.</source>
            <translation>事件列表，最新的在前。</translation>
        </message>
        <message>
            <source>Initial grading</source>
            <translation>初始定级</translation>
        </message>
        <message>
            <source>Late.</source>
            <translation>已超时。</translation>
        </message>
        <message>
            <source>Lead</source>
            <translation>牵头</translation>
        </message>
        <message>
            <source>Lead agency code.</source>
            <translation>牵头单位代码。</translation>
        </message>
        <message>
            <source>Lead agency: {agency}; commander: {commander} {phone}</source>
            <translation>牵头单位：{agency}；指挥长：{commander} {phone}</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>环节</translation>
        </message>
        <message>
            <source>More than one expert is called {name}: give the id.</source>
            <translation>有多名专家叫 {name}，请给出编号。</translation>
        </message>
        <message>
            <source>Move the status forward: 响应, 恢复, 长期监测 or 关闭.</source>
            <translation>推进事件状态：响应、恢复、长期监测或关闭。</translation>
        </message>
        <message>
            <source>Name the division (its code, e.g. 430422).</source>
            <translation>请填写行政区划（代码，如 430422）。</translation>
        </message>
        <message>
            <source>Name the hazard.</source>
            <translation>请填写事件类型。</translation>
        </message>
        <message>
            <source>Name who reports and to whom.</source>
            <translation>请写明报告单位和报告对象。</translation>
        </message>
        <message>
            <source>Need</source>
            <translation>缺口</translation>
        </message>
        <message>
            <source>No change.</source>
            <translation>没有修改。</translation>
        </message>
        <message>
            <source>No division with code {code}.</source>
            <translation>没有代码为 {code} 的行政区划。</translation>
        </message>
        <message>
            <source>No expert {ref}.</source>
            <translation>没有专家 {ref}。</translation>
        </message>
        <message>
            <source>No incident {ref}.</source>
            <translation>没有事件 {ref}。</translation>
        </message>
        <message>
            <source>No information report {ref}.</source>
            <translation>没有信息报告 {ref}。</translation>
        </message>
        <message>
            <source>No material line {id}.</source>
            <translation>没有物资需求行 {id}。</translation>
        </message>
        <message>
            <source>No reporting step {code}. Steps: {codes}.</source>
            <translation>没有报告环节 {code}。可选环节：{codes}。</translation>
        </message>
        <message>
            <source>No task {ref}.</source>
            <translation>没有任务 {ref}。</translation>
        </message>
        <message>
            <source>Not in the reserves it may draw on: {lines}.</source>
            <translation>可调用储备中不足：{lines}。</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>Notes.</source>
            <translation>备注。</translation>
        </message>
        <message>
            <source>Nothing is left to order for incident {number}: its orders cover what it requires.</source>
            <translation>事件 {number} 已无需再调拨：已开具的调拨单已满足需求量。</translation>
        </message>
        <message>
            <source>Number, title or place contains this.</source>
            <translation>编号、名称或地点包含此内容。</translation>
        </message>
        <message>
            <source>OVERDUE</source>
            <translation>超时</translation>
        </message>
        <message>
            <source>One incident: details, grades, playbooks, depots.</source>
            <translation>显示一个事件：信息、级别、预案、仓库。</translation>
        </message>
        <message>
            <source>Only a first report follows a step of the chain.</source>
            <translation>只有首次报告对应报告链环节。</translation>
        </message>
        <message>
            <source>Only incidents not closed.</source>
            <translation>只显示未关闭的事件。</translation>
        </message>
        <message>
            <source>Only overdue tasks.</source>
            <translation>只显示超时任务。</translation>
        </message>
        <message>
            <source>Only tasks this agency leads or supports (its code).</source>
            <translation>只显示该单位牵头或配合的任务（单位代码）。</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>超时</translation>
        </message>
        <message>
            <source>Patients</source>
            <translation>患者数</translation>
        </message>
        <message>
            <source>Patients.</source>
            <translation>患者人数。</translation>
        </message>
        <message>
            <source>People exposed.</source>
            <translation>暴露人数。</translation>
        </message>
        <message>
            <source>Phase</source>
            <translation>阶段</translation>
        </message>
        <message>
            <source>Place.</source>
            <translation>地点。</translation>
        </message>
        <message>
            <source>Playbook code, e.g. PB-EID.</source>
            <translation>预案代码，如 PB-EID。</translation>
        </message>
        <message>
            <source>Playbook {code} applies to grades {grades}, not to grade {grade}.</source>
            <translation>预案 {code} 适用于 {grades} 级，不适用于 {grade} 级。</translation>
        </message>
        <message>
            <source>Playbook {code} has no approved version; approve it before activating it.</source>
            <translation>预案 {code} 没有已批准的版本，请先批准再启动。</translation>
        </message>
        <message>
            <source>Playbook {code} is already activated for incident {number}.</source>
            <translation>预案 {code} 已为事件 {number} 启动。</translation>
        </message>
        <message>
            <source>Playbook {code} is for {playbook_hazard}; incident {number} is {hazard}. Activate a playbook of the incident's hazard.</source>
            <translation>预案 {code} 用于{playbook_hazard}，事件 {number} 属于{hazard}。请启动与事件类型相符的预案。</translation>
        </message>
        <message>
            <source>Playbook {code} v{version} ({title}) activated at grade {grade}: {tasks} task(s), {lines} material line(s).</source>
            <translation>按 {grade} 级启动预案 {code} 第 {version} 版（{title}）：任务 {tasks} 项，物资需求 {lines} 行。</translation>
        </message>
        <message>
            <source>Playbook {playbook} v{version} activated: {tasks} task(s), {lines} material line(s).</source>
            <translation>已启动预案 {playbook} 第 {version} 版：任务 {tasks} 项，物资需求 {lines} 行。</translation>
        </message>
        <message>
            <source>Playbooks are activated for this incident: its hazard can no longer change.</source>
            <translation>该事件已启动预案，事件类型不能再修改。</translation>
        </message>
        <message>
            <source>Playbooks suggested for the incident (its hazard).</source>
            <translation>推荐给该事件的预案（按事件类型）。</translation>
        </message>
        <message>
            <source>Playbooks:</source>
            <translation>已启动预案：</translation>
        </message>
        <message>
            <source>Print an agency's assignment list (PDF).</source>
            <translation>打印某单位的任务分工单（PDF）。</translation>
        </message>
        <message>
            <source>Print an information report to PDF (one page).</source>
            <translation>将信息报告打印为 PDF（一页）。</translation>
        </message>
        <message>
            <source>Print the incident summary report (PDF).</source>
            <translation>打印事件总结报告（PDF）。</translation>
        </message>
        <message>
            <source>Print the log to this PDF.</source>
            <translation>将大事记打印到此 PDF 文件。</translation>
        </message>
        <message>
            <source>Progress reports every {hours} h (grades I, II); final report within {days} days.</source>
            <translation>进程报告每 {hours} 小时一次（I、II 级）；结案报告在 {days} 天内。</translation>
        </message>
        <message>
            <source>Record a new incident (status 报告).</source>
            <translation>登记新事件（状态为“报告”）。</translation>
        </message>
        <message>
            <source>Record a task's status, with a note.</source>
            <translation>记录任务进展及说明。</translation>
        </message>
        <message>
            <source>Record an information report (first, progress, final).</source>
            <translation>登记信息报告（首次、进程、结案）。</translation>
        </message>
        <message>
            <source>Release an expert from the incident.</source>
            <translation>解除专家派遣。</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>报告</translation>
        </message>
        <message>
            <source>Report {number}: {kind}, {sender} → {receiver}, {at}; due {due}.</source>
            <translation>报告 {number}：{kind}，{sender} → {receiver}，{at}；时限 {due}。</translation>
        </message>
        <message>
            <source>Reported</source>
            <translation>报告时间</translation>
        </message>
        <message>
            <source>Reported at</source>
            <translation>报告时间</translation>
        </message>
        <message>
            <source>Reported {reported}; response {activated}; closed {closed}</source>
            <translation>报告 {reported}；响应 {activated}；关闭 {closed}</translation>
        </message>
        <message>
            <source>Reporting unit.</source>
            <translation>报告单位。</translation>
        </message>
        <message>
            <source>Reports expected (deadlines) and made.</source>
            <translation>应报的报告（时限）及已报的报告。</translation>
        </message>
        <message>
            <source>Required / have / need per item, with the depots.</source>
            <translation>按物资列出需求量 / 现有 / 缺口及所在仓库。</translation>
        </message>
        <message>
            <source>Responders</source>
            <translation>处置人员数</translation>
        </message>
        <message>
            <source>Responders.</source>
            <translation>处置人员数。</translation>
        </message>
        <message>
            <source>STEP=HOURS, progress_hours=H or final_days=D; =default restores it.</source>
            <translation>环节=小时数，progress_hours=小时数 或 final_days=天数；=default 恢复默认值。</translation>
        </message>
        <message>
            <source>Say what to change, e.g. --patients 12.</source>
            <translation>请说明要修改什么，例如 --patients 12。</translation>
        </message>
        <message>
            <source>Say why the task is {status}.</source>
            <translation>请说明任务为何“{status}”。</translation>
        </message>
        <message>
            <source>Scale: {exposed} exposed, {patients} patients, {responders} responders, {sites} sites, {area} km², {days} days expected</source>
            <translation>规模：暴露 {exposed} 人，患者 {patients} 人，处置人员 {responders} 人，{sites} 处点位，{area} 平方公里，预计 {days} 天</translation>
        </message>
        <message>
            <source>Show or set the reporting deadlines (hours).</source>
            <translation>查看或设置信息报告时限（小时）。</translation>
        </message>
        <message>
            <source>Sites</source>
            <translation>点位数</translation>
        </message>
        <message>
            <source>Sites.</source>
            <translation>点位数。</translation>
        </message>
        <message>
            <source>Status: {old} → {new}.</source>
            <translation>状态：{old} → {new}。</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>环节</translation>
        </message>
        <message>
            <source>Support</source>
            <translation>配合</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>任务</translation>
        </message>
        <message>
            <source>Task {title}: {old} → {new}.</source>
            <translation>任务“{title}”：{old} → {new}。</translation>
        </message>
        <message>
            <source>Task: {title}.</source>
            <translation>任务：{title}。</translation>
        </message>
        <message>
            <source>Tasks</source>
            <translation>任务</translation>
        </message>
        <message>
            <source>Tasks now</source>
            <translation>现有任务</translation>
        </message>
        <message>
            <source>That task belongs to another incident.</source>
            <translation>该任务属于另一事件。</translation>
        </message>
        <message>
            <source>The allocation orders made for the incident.</source>
            <translation>为该事件开具的调拨单。</translation>
        </message>
        <message>
            <source>The buffer is at most {max} %.</source>
            <translation>冗余最多为 {max}%。</translation>
        </message>
        <message>
            <source>The incident it serves: its number (SJ-…) or id.</source>
            <translation>关联事件：事件编号（SJ-…）或内部编号。</translation>
        </message>
        <message>
            <source>The incident's tasks: agencies, due times, status.</source>
            <translation>事件的任务：单位、时限、状态。</translation>
        </message>
        <message>
            <source>The new status.</source>
            <translation>新状态。</translation>
        </message>
        <message>
            <source>The quantity per day is a number above 0 and at most {max}.</source>
            <translation>每日用量须大于 0 且不超过 {max}。</translation>
        </message>
        <message>
            <source>The report's time lies in the future.</source>
            <translation>报告时间晚于当前时间。</translation>
        </message>
        <message>
            <source>The reported time lies in the future.</source>
            <translation>报告时间晚于当前时间。</translation>
        </message>
        <message>
            <source>The significant-events log (大事记); --add writes an entry.</source>
            <translation>大事记；--add 添加一条记事。</translation>
        </message>
        <message>
            <source>The step {name} has reported already.</source>
            <translation>环节“{name}”已经报告。</translation>
        </message>
        <message>
            <source>The task is {status} already.</source>
            <translation>该任务已是“{status}”。</translation>
        </message>
        <message>
            <source>The task they work on (its id).</source>
            <translation>所承担的任务（任务编号）。</translation>
        </message>
        <message>
            <source>Title.</source>
            <translation>标题。</translation>
        </message>
        <message>
            <source>Unit reported to.</source>
            <translation>报告对象单位。</translation>
        </message>
        <message>
            <source>Unknown hazard {value}. Hazards: {codes}.</source>
            <translation>未知事件类型 {value}。可选类型：{codes}。</translation>
        </message>
        <message>
            <source>What happened (事件概况).</source>
            <translation>事件概况。</translation>
        </message>
        <message>
            <source>What was done, what blocks it, or why not.</source>
            <translation>已做的工作、受阻原因或不适用的理由。</translation>
        </message>
        <message>
            <source>When it happened (default now).</source>
            <translation>发生时间（默认当前时间）。</translation>
        </message>
        <message>
            <source>When it was reported (2026-03-01 14:30; default now).</source>
            <translation>报告时间（如 2026-03-01 14:30；默认当前时间）。</translation>
        </message>
        <message>
            <source>When it was reported (default now).</source>
            <translation>报告时间（默认当前时间）。</translation>
        </message>
        <message>
            <source>Why the grade changes.</source>
            <translation>调整级别的理由。</translation>
        </message>
        <message>
            <source>Write each change as STEP=HOURS (not {text}).</source>
            <translation>每项修改写成 环节=小时数（而不是 {text}）。</translation>
        </message>
        <message>
            <source>Write what happened.</source>
            <translation>请写明发生了什么。</translation>
        </message>
        <message>
            <source>area</source>
            <translation>面积</translation>
        </message>
        <message>
            <source>commander</source>
            <translation>指挥长</translation>
        </message>
        <message>
            <source>commander's phone</source>
            <translation>指挥长电话</translation>
        </message>
        <message>
            <source>confirmation</source>
            <translation>诊断状态</translation>
        </message>
        <message>
            <source>depots</source>
            <translation>仓库</translation>
        </message>
        <message>
            <source>description</source>
            <translation>事件概况</translation>
        </message>
        <message>
            <source>division</source>
            <translation>区划</translation>
        </message>
        <message>
            <source>done {at}</source>
            <translation>已报 {at}</translation>
        </message>
        <message>
            <source>due</source>
            <translation>待报</translation>
        </message>
        <message>
            <source>expected days</source>
            <translation>预计天数</translation>
        </message>
        <message>
            <source>exposed people</source>
            <translation>暴露人数</translation>
        </message>
        <message>
            <source>first, progress or final (首次, 进程, 结案报告).</source>
            <translation>first、progress 或 final（首次报告、进程报告、结案报告）。</translation>
        </message>
        <message>
            <source>hazard</source>
            <translation>事件类型</translation>
        </message>
        <message>
            <source>lead agency</source>
            <translation>牵头单位</translation>
        </message>
        <message>
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <source>none available</source>
            <translation>无可用专家</translation>
        </message>
        <message>
            <source>notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>patients</source>
            <translation>患者数</translation>
        </message>
        <message>
            <source>place</source>
            <translation>地点</translation>
        </message>
        <message>
            <source>reported time</source>
            <translation>报告时间</translation>
        </message>
        <message>
            <source>responders</source>
            <translation>处置人员数</translation>
        </message>
        <message>
            <source>sites</source>
            <translation>点位数</translation>
        </message>
        <message>
            <source>title</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>{code}: a number of hours (or days) above 0 and at most {max}.</source>
            <translation>{code}：须为大于 0 且不超过 {max} 的小时数（或天数）。</translation>
        </message>
        <message>
            <source>{count} task(s) added.</source>
            <translation>新增任务 {count} 项。</translation>
        </message>
        <message>
            <source>{field} is a number from 0 to {max}.</source>
            <translation>{field}须为 0 到 {max} 之间的数。</translation>
        </message>
        <message>
            <source>{field}: {text} is not a time; write it as 2026-03-01 14:30.</source>
            <translation>{field}：{text} 不是有效时间，请写成 2026-03-01 14:30。</translation>
        </message>
        <message>
            <source>{field}: {value} is not a number.</source>
            <translation>{field}：{value} 不是数字。</translation>
        </message>
        <message>
            <source>{kind} No. {seq}: {sender} → {receiver}.</source>
            <translation>{kind}第 {seq} 期：{sender} → {receiver}。</translation>
        </message>
        <message>
            <source>{kind} on {title}</source>
            <translation>关于{title}的{kind}</translation>
        </message>
        <message>
            <source>{name} dispatched.</source>
            <translation>已派遣 {name}。</translation>
        </message>
        <message>
            <source>{name} is already dispatched to incident {number}.</source>
            <translation>{name} 已派往事件 {number}。</translation>
        </message>
        <message>
            <source>{name} is not available.</source>
            <translation>{name} 目前不可派遣。</translation>
        </message>
        <message>
            <source>{name} is not dispatched to incident {number}.</source>
            <translation>{name} 未派往事件 {number}。</translation>
        </message>
        <message>
            <source>{name} released.</source>
            <translation>{name} 已解除派遣。</translation>
        </message>
        <message>
            <source>{number} from {depot}: {lines}</source>
            <translation>{number} 自 {depot}：{lines}</translation>
        </message>
        <message>
            <source>{ref} names more than one task: give more of its id.</source>
            <translation>{ref} 对应多项任务，请给出更长的任务编号。</translation>
        </message>
        <message>
            <source>{title} site</source>
            <translation>{title}现场</translation>
        </message>
        <message>
            <source>{title}: {status}</source>
            <translation>{title}：{status}</translation>
        </message>
        <message>
            <source>{value} is not one of: {codes}.</source>
            <translation>{value} 不在可选值中：{codes}。</translation>
        </message>
        <message>
            <source>下一步工作.</source>
            <translation>下一步工作。</translation>
        </message>
        <message>
            <source>事件概况 (default: the incident's description).</source>
            <translation>事件概况（默认取事件概况）。</translation>
        </message>
        <message>
            <source>已采取措施.</source>
            <translation>已采取措施。</translation>
        </message>
        <message>
            <source>签发人.</source>
            <translation>签发人。</translation>
        </message>
        <message>
            <source>可疑, 疑似 or 确诊 (possible, suspected, confirmed).</source>
            <translation>可疑、疑似或确诊（possible、suspected、confirmed）。</translation>
        </message>
        <message>
            <source>Reported by</source>
            <translation>报告单位</translation>
        </message>
        <message>
            <source>Required qty</source>
            <translation>需求量</translation>
        </message>
        <message>
            <source>Incident No. {number}</source>
            <translation>事件编号：{number}</translation>
        </message>
        <message>
            <source>Incident</source>
            <translation>事件名称</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>事项</translation>
        </message>
        <message>
            <source>No entries yet.</source>
            <translation>尚无记录。</translation>
        </message>
        <message>
            <source>{count} entries in all.</source>
            <translation>共 {count} 条。</translation>
        </message>
        <message>
            <source>Incident grade</source>
            <translation>事件级别</translation>
        </message>
        <message>
            <source>Incident status</source>
            <translation>事件状态</translation>
        </message>
        <message>
            <source>Entry kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>{agency} has no task in incident {number}: there is no assignment list to print. Activate a playbook, or choose an agency with tasks.</source>
            <translation>{agency}在事件 {number} 中没有任务，没有可打印的任务分工单。请先启动预案，或选择有任务的单位。</translation>
        </message>
        <message>
            <source>{start} to {end}</source>
            <translation>{start} 至 {end}</translation>
        </message>
        <message>
            <source>until further notice</source>
            <translation>另行通知时止</translation>
        </message>
        <message>
            <source>1. The incident</source>
            <translation>一、事件信息</translation>
        </message>
        <message>
            <source>Grades as the national plan sets them ({basis}: I especially serious, II serious, III relatively serious, IV general). Due times count from the activation of the playbook, or from the change of grade that added the task.</source>
            <translation>事件级别依据{basis}（I级特别重大、II级重大、III级较大、IV级一般）。任务完成时限自预案启动时起算；因级别调整新增的任务，自级别调整时起算。</translation>
        </message>
        <message>
            <source>2. Tasks of this agency</source>
            <translation>二、本单位任务</translation>
        </message>
        <message>
            <source>3. Contacts</source>
            <translation>三、联络方式</translation>
        </message>
        <message>
            <source>4. Materials ordered for the incident</source>
            <translation>四、调拨物资</translation>
        </message>
        <message>
            <source>Confirmation</source>
            <translation>确认情况</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>发生地点</translation>
        </message>
        <message>
            <source>Lead agency</source>
            <translation>牵头单位</translation>
        </message>
        <message>
            <source>Commander</source>
            <translation>现场指挥</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <source>Operational period</source>
            <translation>作业时段</translation>
        </message>
        <message>
            <source>This agency leads {lead} task(s) and supports {support}; {done} finished, {late} overdue.</source>
            <translation>本单位牵头任务 {lead} 项、配合任务 {support} 项；已完成 {done} 项，逾期 {late} 项。</translation>
        </message>
        <message>
            <source>{status}, overdue</source>
            <translation>{status}（已逾期）</translation>
        </message>
        <message>
            <source>Due {time}</source>
            <translation>时限 {time}</translation>
        </message>
        <message>
            <source>Instructions</source>
            <translation>处置要求</translation>
        </message>
        <message>
            <source>Checklist</source>
            <translation>检查清单</translation>
        </message>
        <message>
            <source>Supported by: {names}</source>
            <translation>配合单位：{names}</translation>
        </message>
        <message>
            <source>Led by: {name}</source>
            <translation>牵头单位：{name}</translation>
        </message>
        <message>
            <source>Working with</source>
            <translation>协同单位</translation>
        </message>
        <message>
            <source>{name} ({count})</source>
            <translation>{name}（{count}名）</translation>
        </message>
        <message>
            <source>Needed: {needed}</source>
            <translation>需要：{needed}</translation>
        </message>
        <message>
            <source>sent: {names}</source>
            <translation>已派：{names}</translation>
        </message>
        <message>
            <source>Experts</source>
            <translation>所需专家</translation>
        </message>
        <message>
            <source>Plan clause</source>
            <translation>方案条款</translation>
        </message>
        <message>
            <source>{note} ({by}, {time})</source>
            <translation>{note}（{by}，{time}）</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>进展说明</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Unit or name</source>
            <translation>单位或姓名</translation>
        </message>
        <message>
            <source>This agency</source>
            <translation>本单位</translation>
        </message>
        <message>
            <source>No allocation order has been made for the incident yet.</source>
            <translation>本事件尚无调拨单。</translation>
        </message>
        <message>
            <source>Order No.</source>
            <translation>调拨单号</translation>
        </message>
        <message>
            <source>From → to</source>
            <translation>发出 → 接收</translation>
        </message>
        <message>
            <source>Order lines</source>
            <translation>物资明细</translation>
        </message>
        <message>
            <source>{who} (signature):</source>
            <translation>{who}（签字）：</translation>
        </message>
        <message>
            <source>Prepared by</source>
            <translation>编制人</translation>
        </message>
        <message>
            <source>Approved by (command)</source>
            <translation>审核（指挥部）</translation>
        </message>
        <message>
            <source>Received by</source>
            <translation>接收单位签收</translation>
        </message>
        <message>
            <source>Date:</source>
            <translation>日期：　　　年　　月　　日</translation>
        </message>
        <message>
            <source>2. Grade history</source>
            <translation>二、级别调整</translation>
        </message>
        <message>
            <source>3. Playbooks activated</source>
            <translation>三、启动预案</translation>
        </message>
        <message>
            <source>4. Tasks</source>
            <translation>四、任务完成情况</translation>
        </message>
        <message>
            <source>5. Material needs and allocation orders</source>
            <translation>五、物资需求与调拨</translation>
        </message>
        <message>
            <source>6. Experts dispatched</source>
            <translation>六、专家派遣</translation>
        </message>
        <message>
            <source>7. Information reports</source>
            <translation>七、信息报告</translation>
        </message>
        <message>
            <source>8. Significant events in brief</source>
            <translation>八、大事记摘要</translation>
        </message>
        <message>
            <source>Activated at</source>
            <translation>启动时间</translation>
        </message>
        <message>
            <source>Allocation orders: {count} ({statuses}).</source>
            <translation>调拨单共 {count} 份（{statuses}）。</translation>
        </message>
        <message>
            <source>Closed at</source>
            <translation>关闭时间</translation>
        </message>
        <message>
            <source>Dispatched</source>
            <translation>派出时间</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>持续时间</translation>
        </message>
        <message>
            <source>Grade at activation</source>
            <translation>启动时级别</translation>
        </message>
        <message>
            <source>Graded {grade}</source>
            <translation>初始定级：{grade}</translation>
        </message>
        <message>
            <source>Grades of the national plan ({basis}).</source>
            <translation>事件级别依据{basis}。</translation>
        </message>
        <message>
            <source>Have: usable stock (released, unexpired, not reserved) in the depots the incident may draw on, and what its own orders hold; need = required − have, at least 0. Planning factors are editable examples, not official norms.</source>
            <translation>可用量：本事件可调用仓库中合格、未过期且未被预留的库存，加上本事件调拨单已占用或发出的数量；缺口 = 需求量 − 可用量（不小于0）。物资测算参数为示例（可修改），非官方定额。</translation>
        </message>
        <message>
            <source>Issued by</source>
            <translation>签发人</translation>
        </message>
        <message>
            <source>Late</source>
            <translation>逾期</translation>
        </message>
        <message>
            <source>Made at</source>
            <translation>填单时间</translation>
        </message>
        <message>
            <source>Monitoring from</source>
            <translation>转入监测</translation>
        </message>
        <message>
            <source>No expert has been dispatched.</source>
            <translation>未派遣专家。</translation>
        </message>
        <message>
            <source>No playbook has been activated.</source>
            <translation>尚未启动预案。</translation>
        </message>
        <message>
            <source>No task is overdue.</source>
            <translation>无逾期任务。</translation>
        </message>
        <message>
            <source>Not made</source>
            <translation>未报告</translation>
        </message>
        <message>
            <source>Not made, overdue</source>
            <translation>未报告（已逾期）</translation>
        </message>
        <message>
            <source>Not yet due</source>
            <translation>未到时限</translation>
        </message>
        <message>
            <source>Overdue by</source>
            <translation>逾期时长</translation>
        </message>
        <message>
            <source>Overdue tasks ({count}):</source>
            <translation>逾期任务（{count} 项）：</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>事件概况</translation>
        </message>
        <message>
            <source>Playbook</source>
            <translation>预案编号</translation>
        </message>
        <message>
            <source>Recovery from</source>
            <translation>转入恢复</translation>
        </message>
        <message>
            <source>Released</source>
            <translation>撤回时间</translation>
        </message>
        <message>
            <source>Response from</source>
            <translation>启动响应</translation>
        </message>
        <message>
            <source>Reviewed by</source>
            <translation>审核人</translation>
        </message>
        <message>
            <source>Still out</source>
            <translation>仍在派遣</translation>
        </message>
        <message>
            <source>The incident has no material lines.</source>
            <translation>本事件无物资需求测算。</translation>
        </message>
        <message>
            <source>The incident has no tasks.</source>
            <translation>本事件尚无任务。</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>{days} d {hours} h</source>
            <translation>{days} 天 {hours} 小时</translation>
        </message>
        <message>
            <source>{duration} so far</source>
            <translation>已持续 {duration}</translation>
        </message>
        <message>
            <source>{made} report(s) made: {on_time} on time, {late} late; {missing} expected but not made, {overdue} of them overdue.</source>
            <translation>已报告 {made} 份：按时 {on_time} 份，逾期 {late} 份；应报未报 {missing} 份，其中已逾期 {overdue} 份。</translation>
        </message>
        <message>
            <source>{shown} of {count} entries; task updates are summed up in 4. The full log prints as the 大事记.</source>
            <translation>共 {count} 条记录，此处列出 {shown} 条；任务进展见第四部分，完整内容见《生物安全事件大事记》。</translation>
        </message>
        <message>
            <source>Quantity required</source>
            <translation>需求量</translation>
        </message>
        <message>
            <source>Issuing depot</source>
            <translation>发出仓库</translation>
        </message>
        <message>
            <source>Receiving party</source>
            <translation>接收单位</translation>
        </message>
        <message>
            <source>Expert name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Overdue count</source>
            <translation>逾期</translation>
        </message>
        <message>
            <source>Task count</source>
            <translation>任务数</translation>
        </message>
        <message>
            <source>Playbook title</source>
            <translation>预案名称</translation>
        </message>
        <message>
            <source>Line count</source>
            <translation>品种数</translation>
        </message>
        <message>
            <source>… {count} entries left out here …</source>
            <translation>……（此处从略 {count} 条）……</translation>
        </message>
        <message>
            <source>Discovering unit</source>
            <translation>发现单位</translation>
        </message>
        <message>
            <source>{county} health department</source>
            <translation>{county}卫生健康主管部门</translation>
        </message>
        <message>
            <source>{place} People's Government</source>
            <translation>{place}人民政府</translation>
        </message>
        <message>
            <source>Health department of the State Council</source>
            <translation>国务院卫生健康主管部门</translation>
        </message>
        <message>
            <source>Neighbouring cities</source>
            <translation>相邻地市</translation>
        </message>
        <message>
            <source>Regulation on Public Health Emergencies, article 20</source>
            <translation>《突发公共卫生事件应急条例》第二十条</translation>
        </message>
        <message>
            <source>Regulation on Public Health Emergencies, article 19</source>
            <translation>《突发公共卫生事件应急条例》第十九条</translation>
        </message>
        <message>
            <source>Information-reporting work rules: serious and especially serious events report progress at least daily</source>
            <translation>《国家突发公共卫生事件相关信息报告管理工作规范（试行）》（重大、特别重大事件至少按日报告）</translation>
        </message>
        <message>
            <source>Information-reporting work rules: the final report within two weeks after the event ends</source>
            <translation>《国家突发公共卫生事件相关信息报告管理工作规范（试行）》（事件结束后2周内）</translation>
        </message>
        <message>
            <source>This program's default (the regulation sets no limit); may be changed</source>
            <translation>本程序默认（条例未定时限），可修改</translation>
        </message>
        <message>
            <source>Hengyang</source>
            <translation>衡阳市</translation>
        </message>
        <message>
            <source>Hunan Province</source>
            <translation>湖南省</translation>
        </message>
        <message>
            <source>(late)</source>
            <translation>（超时）</translation>
        </message>
        <message>
            <source>At most {max} characters ({count} given).</source>
            <translation>最多 {max} 个字（现有 {count} 个）。</translation>
        </message>
        <message>
            <source>Contains bytes that are not UTF-8 text.</source>
            <translation>含有不是 UTF-8 文本的字节。</translation>
        </message>
        <message>
            <source>Incident {number} closed.</source>
            <translation>事件 {number} 已关闭。</translation>
        </message>
        <message>
            <source>Incident {number} has no material lines: activate a playbook or add lines first.</source>
            <translation>事件 {number} 没有物资需求行：请先启动预案或添加测算行。</translation>
        </message>
        <message>
            <source>Note: {name} holds no certificate that has not expired.</source>
            <translation>注意：{name} 没有未过期的资质证书。</translation>
        </message>
        <message>
            <source>Nothing is left to order: the incident's orders cover what it requires.</source>
            <translation>已无需再调拨：本事件的调拨单已满足需求量。</translation>
        </message>
        <message>
            <source>Ordered</source>
            <translation>已申领</translation>
        </message>
        <message>
            <source>Task {title} ({status}):</source>
            <translation>任务“{title}”（{status}）：</translation>
        </message>
        <message>
            <source>The incident cannot have been reported after {time}: it was activated or reported on by then.</source>
            <translation>事件的报告时间不能晚于 {time}：此前已启动预案或已报告。</translation>
        </message>
        <message>
            <source>none available (available today, with a certificate that has not expired)</source>
            <translation>无可用专家（须今日可调用且持有未过期的资质证书）</translation>
        </message>
        <message>
            <source>{kind} {number}: {sender} → {receiver}.</source>
            <translation>{kind} {number}：{sender} → {receiver}。</translation>
        </message>
        <message>
            <source>{name} is out for several incidents at once ({numbers}): release them from all but one.</source>
            <translation>{name} 同时派往多个事件（{numbers}）：请只保留一个，其余解除派遣。</translation>
        </message>
        <message>
            <source>{name} is still out for incident {numbers}, which is closed: release them.</source>
            <translation>{name} 仍在已关闭的事件 {numbers} 中执行任务：请解除派遣。</translation>
        </message>
        <message>
            <source>{phone} is not a phone number (digits, spaces, + - and brackets).</source>
            <translation>{phone} 不是电话号码（只能含数字、空格、+、- 和括号）。</translation>
        </message>
        <message>
            <source>{qty} over</source>
            <translation>超出 {qty}</translation>
        </message>
        <message>
            <source>{time} is before {earliest}.</source>
            <translation>{time} 早于 {earliest}。</translation>
        </message>
        <message>
            <source>{time} lies in the future.</source>
            <translation>{time} 晚于当前时间。</translation>
        </message>
        <message>
            <source>{time} lies more than five years back.</source>
            <translation>{time} 早于五年前。</translation>
        </message>
        <message>
            <source>T+0:00:00 to {end} (simulated time {start} to {finish})</source>
            <translation>T+0:00:00 至 {end}（模拟时间 {start} 至 {finish}）</translation>
        </message>
        <message>
            <source>{count} expected action(s): {met} met, {late} late, {missed} missed, {pending} pending, {na} not applicable.</source>
            <translation>预期行动共 {count} 项：按时完成 {met} 项，超时完成 {late} 项，未完成 {missed} 项，待完成 {pending} 项，不适用 {na} 项。</translation>
        </message>
        <message>
            <source>The after-action report of drill {number} is printed from the drill's own database, where it was played (bioreserve --drill {number} …).</source>
            <translation>演练 {number} 的总结评估报告须在该演练自己的数据库（演练在其中进行）中打印（bioreserve --drill {number} …）。</translation>
        </message>
        <message>
            <source>1. Overview of the drill</source>
            <translation>一、演练概况</translation>
        </message>
        <message>
            <source>2. Objectives and their ratings</source>
            <translation>二、演练目标与评估结果</translation>
        </message>
        <message>
            <source>3. Expected actions</source>
            <translation>三、预期行动完成情况</translation>
        </message>
        <message>
            <source>4. Time line of the drill</source>
            <translation>四、演练过程时间线</translation>
        </message>
        <message>
            <source>5. Strengths</source>
            <translation>五、做得好的方面</translation>
        </message>
        <message>
            <source>6. Areas for improvement</source>
            <translation>六、待改进的方面</translation>
        </message>
        <message>
            <source>7. Material shortages</source>
            <translation>七、物资缺口</translation>
        </message>
        <message>
            <source>8. Improvement plan</source>
            <translation>八、改进计划</translation>
        </message>
        <message>
            <source>The drill has not started.</source>
            <translation>演练尚未开始。</translation>
        </message>
        <message>
            <source>Objective No.</source>
            <translation>目标编号</translation>
        </message>
        <message>
            <source>Objective</source>
            <translation>演练目标</translation>
        </message>
        <message>
            <source>Rating</source>
            <translation>评估等级</translation>
        </message>
        <message>
            <source>Expected actions</source>
            <translation>预期行动</translation>
        </message>
        <message>
            <source>Evaluator's note</source>
            <translation>评估意见</translation>
        </message>
        <message>
            <source>within {minutes} min</source>
            <translation>{minutes} 分钟内</translation>
        </message>
        <message>
            <source>Inject No.</source>
            <translation>情景序号</translation>
        </message>
        <message>
            <source>Expected action</source>
            <translation>预期行动</translation>
        </message>
        <message>
            <source>Agency</source>
            <translation>责任单位</translation>
        </message>
        <message>
            <source>Due (drill time)</source>
            <translation>完成时限</translation>
        </message>
        <message>
            <source>Done at</source>
            <translation>完成时间</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Drill time</source>
            <translation>演练时间</translation>
        </message>
        <message>
            <source>Event kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>From → to / by</source>
            <translation>发出 → 接收／执行人</translation>
        </message>
        <message>
            <source>Have: usable stock in the depots the incident may draw on; days of supply = have ÷ the daily need. Planning factors are editable examples, not official norms.</source>
            <translation>现有：事件可调用仓库中的可用库存；可保障天数 = 现有 ÷ 每日需求量。规划系数为可修改的示例，并非官方标准。</translation>
        </message>
        <message>
            <source>The automatic run's gap analysis: every item the scenario needs, shortages first.</source>
            <translation>自动推演的缺口分析：情景所需的全部物资，有缺口的在前。</translation>
        </message>
        <message>
            <source>Needs of the drill's incidents that stock could not meet.</source>
            <translation>演练事件中库存无法满足的需求。</translation>
        </message>
        <message>
            <source>Shortage</source>
            <translation>缺口</translation>
        </message>
        <message>
            <source>Days of supply</source>
            <translation>可保障天数</translation>
        </message>
        <message>
            <source>Issue</source>
            <translation>存在问题</translation>
        </message>
        <message>
            <source>Corrective action</source>
            <translation>整改措施</translation>
        </message>
        <message>
            <source>Responsible agency</source>
            <translation>责任单位</translation>
        </message>
        <message>
            <source>Due date</source>
            <translation>完成时限</translation>
        </message>
        <message>
            <source>Drill No. {number}</source>
            <translation>演练编号 {number}</translation>
        </message>
        <message>
            <source>Not rated</source>
            <translation>未评定</translation>
        </message>
        <message>
            <source>Ratings (HSEEP): {ratings}.</source>
            <translation>评估等级（HSEEP）：{ratings}。</translation>
        </message>
        <message>
            <source>The drill's injects expected no action.</source>
            <translation>演练情景未设预期行动。</translation>
        </message>
        <message>
            <source>Nothing happened on the drill's clock: no inject fired and no action was recorded.</source>
            <translation>演练时间线上没有记录：未发出情景注入，也未记录处置行动。</translation>
        </message>
        <message>
            <source>Inject {no}</source>
            <translation>情景注入 {no}</translation>
        </message>
        <message>
            <source>The improvement plan has no items.</source>
            <translation>改进计划尚无条目。</translation>
        </message>
        <message>
            <source>Evaluation lead</source>
            <translation>评估组长</translation>
        </message>
        <message>
            <source>The evaluators recorded no strength.</source>
            <translation>评估员未记录做得好的方面。</translation>
        </message>
        <message>
            <source>The evaluators recorded no area for improvement.</source>
            <translation>评估员未记录待改进的方面。</translation>
        </message>
        <message>
            <source>Drill name</source>
            <translation>演练名称</translation>
        </message>
        <message>
            <source>Drill No.</source>
            <translation>演练编号</translation>
        </message>
        <message>
            <source>Drill kind</source>
            <translation>演练类型</translation>
        </message>
        <message>
            <source>Drill status</source>
            <translation>演练状态</translation>
        </message>
        <message>
            <source>Planned at</source>
            <translation>计划时间</translation>
        </message>
        <message>
            <source>Started at</source>
            <translation>开始时间</translation>
        </message>
        <message>
            <source>Ended at</source>
            <translation>结束时间</translation>
        </message>
        <message>
            <source>Simulated time span</source>
            <translation>模拟时段</translation>
        </message>
        <message>
            <source>Simulated incident</source>
            <translation>模拟事件</translation>
        </message>
        <message>
            <source>Simulated scale</source>
            <translation>模拟规模</translation>
        </message>
        <message>
            <source>Playbooks</source>
            <translation>演练预案</translation>
        </message>
        <message>
            <source>Participating agencies</source>
            <translation>参演单位</translation>
        </message>
        <message>
            <source>Controllers</source>
            <translation>导调人员</translation>
        </message>
        <message>
            <source>Evaluators</source>
            <translation>评估人员</translation>
        </message>
        <message>
            <source>Scenario</source>
            <translation>演练情景</translation>
        </message>
        <message>
            <source>No objectives were set for this drill.</source>
            <translation>本次演练未设定演练目标。</translation>
        </message>
        <message>
            <source>Evaluator: {note}</source>
            <translation>评估员：{note}</translation>
        </message>
        <message>
            <source>(judged)</source>
            <translation>（评估员判定）</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>处置行动</translation>
        </message>
        <message>
            <source>Objective {code}</source>
            <translation>目标 {code}</translation>
        </message>
        <message>
            <source>The automatic run found no material need.</source>
            <translation>自动推演未算出物资需求。</translation>
        </message>
        <message>
            <source>No shortage: stock met every need of the drill's incidents.</source>
            <translation>无物资缺口：库存满足演练事件的全部需求。</translation>
        </message>
        <message>
            <source>Note: {note}</source>
            <translation>备注：{note}</translation>
        </message>
        <message>
            <source>Basis: {citation}</source>
            <translation>依据：{citation}</translation>
        </message>
        <message>
            <source>A drill's clock, injects fired and expected actions.</source>
            <translation>演练的时钟、已发出的情景注入和预期行动。</translation>
        </message>
        <message>
            <source>A drill's plan: objectives, playbooks, participants, MSEL.</source>
            <translation>演练方案：目标、预案、参演人员、情景事件清单。</translation>
        </message>
        <message>
            <source>A participant needs a name or an agency.</source>
            <translation>参演人员须填写姓名或单位。</translation>
        </message>
        <message>
            <source>A playbook it exercises (repeat).</source>
            <translation>演练的预案（可重复）。</translation>
        </message>
        <message>
            <source>Acknowledge an inject (--done: report it handled).</source>
            <translation>确认接收情景注入（--done：报告已处置）。</translation>
        </message>
        <message>
            <source>Act inside this drill's sandbox (its id, number or sequence), not on live data.</source>
            <translation>在该演练的沙箱中操作（演练 id、编号或序号），不动实际数据。</translation>
        </message>
        <message>
            <source>Add an item to the drill's improvement plan.</source>
            <translation>向演练改进计划添加一项。</translation>
        </message>
        <message>
            <source>An automatic run needs the simulated incident: the 情景 sheet names its hazard, grade and division (missing: {fields}).</source>
            <translation>自动推演需要模拟事件：请在“情景”表中填写危害类型、事件级别和发生地区划（缺少：{fields}）。</translation>
        </message>
        <message>
            <source>An evaluator judges an expected action (3.1: inject 3's first).</source>
            <translation>评估员判定预期行动（3.1：第 3 条情景注入的第一项）。</translation>
        </message>
        <message>
            <source>An evaluator's observation: a strength or an area to improve.</source>
            <translation>评估员的观察记录：做得好的或待改进的方面。</translation>
        </message>
        <message>
            <source>An improvement names the issue and the corrective action.</source>
            <translation>改进项须写明存在问题和整改措施。</translation>
        </message>
        <message>
            <source>An improvement's status only moves forward.</source>
            <translation>改进项的状态只能向前推进。</translation>
        </message>
        <message>
            <source>An inject follows another fired, acknowledged or done.</source>
            <translation>情景注入只能跟随另一条注入的“已发出”“已接收”或“已处置”状态。</translation>
        </message>
        <message>
            <source>An inject is acknowledged or done.</source>
            <translation>情景注入只能标记为已接收或已处置。</translation>
        </message>
        <message>
            <source>At most {max} expected actions in one drill.</source>
            <translation>一次演练最多 {max} 项预期行动。</translation>
        </message>
        <message>
            <source>At most {max} injects in one drill.</source>
            <translation>一次演练最多 {max} 条情景注入。</translation>
        </message>
        <message>
            <source>Automatic gap analysis</source>
            <translation>自动缺口分析</translation>
        </message>
        <message>
            <source>Automatic responses (required).</source>
            <translation>自动响应（必填）。</translation>
        </message>
        <message>
            <source>Cannot make the drill's copy {path}: {reason}</source>
            <translation>无法创建演练副本 {path}：{reason}</translation>
        </message>
        <message>
            <source>Change a drill's plan before it starts.</source>
            <translation>在演练开始前修改演练方案。</translation>
        </message>
        <message>
            <source>Changed: {fields}</source>
            <translation>已修改：{fields}</translation>
        </message>
        <message>
            <source>Clock speed ×1 to ×60 (default 1).</source>
            <translation>推演速度 ×1 至 ×60（默认 1）。</translation>
        </message>
        <message>
            <source>Close a drill from the live database, with its own sandbox.</source>
            <translation>请在实际数据库中、用该演练自己的沙箱关闭演练。</translation>
        </message>
        <message>
            <source>Close an ended drill: its improvement items enter the live database.</source>
            <translation>关闭已结束的演练：其改进项写入实际数据库。</translation>
        </message>
        <message>
            <source>Closing drill {number} writes its {count} improvement item(s) into the live database; confirm it (--yes).</source>
            <translation>关闭演练 {number} 将把其 {count} 项改进项写入实际数据库；请确认（--yes）。</translation>
        </message>
        <message>
            <source>Confirm without asking.</source>
            <translation>不再询问，直接确认。</translation>
        </message>
        <message>
            <source>DRILL SANDBOX (演练) — nothing here is real; the live database is untouched.</source>
            <translation>演练沙箱——此处数据均非真实，实际数据库不受影响。</translation>
        </message>
        <message>
            <source>Drill</source>
            <translation>演练</translation>
        </message>
        <message>
            <source>Drill commands act from the live database: leave out --drill.</source>
            <translation>演练命令在实际数据库上执行：请去掉 --drill。</translation>
        </message>
        <message>
            <source>Drill {number} closed; {improvements} improvement item(s) are now tracked in the live database.</source>
            <translation>演练 {number} 已关闭；{improvements} 项改进项已在实际数据库中跟踪。</translation>
        </message>
        <message>
            <source>Drill {number} has ended; it cannot start again.</source>
            <translation>演练 {number} 已结束，不能再次开始。</translation>
        </message>
        <message>
            <source>Drill {number} has not ended; end it first (bioreserve drill end {number}).</source>
            <translation>演练 {number} 尚未结束；请先结束（bioreserve drill end {number}）。</translation>
        </message>
        <message>
            <source>Drill {number} has not started at this station: start it first (bioreserve drill start {number}).</source>
            <translation>演练 {number} 尚未在本站开始：请先开始（bioreserve drill start {number}）。</translation>
        </message>
        <message>
            <source>Drill {number} has started; its plan is the one it started with and can no longer change.</source>
            <translation>演练 {number} 已开始；演练方案以开始时为准，不能再修改。</translation>
        </message>
        <message>
            <source>Drill {number} is not running (status {status}).</source>
            <translation>演练 {number} 不在进行中（状态：{status}）。</translation>
        </message>
        <message>
            <source>Drill {number} is not running.</source>
            <translation>演练 {number} 不在进行中。</translation>
        </message>
        <message>
            <source>Drill {number} planned (id {id}).</source>
            <translation>已计划演练 {number}（id {id}）。</translation>
        </message>
        <message>
            <source>Drill {number} running in its sandbox {sandbox}; act in it with `bioreserve --drill {number} …`.</source>
            <translation>演练 {number} 正在其沙箱 {sandbox} 中进行；请用 `bioreserve --drill {number} …` 在其中操作。</translation>
        </message>
        <message>
            <source>Drill {number}: {status}.</source>
            <translation>演练 {number}：{status}。</translation>
        </message>
        <message>
            <source>Drills (演练): sandboxed exercises with injects, evaluation and report.</source>
            <translation>演练：在沙箱中进行，含情景注入、评估和总结报告。</translation>
        </message>
        <message>
            <source>Due date (2027-03-01).</source>
            <translation>完成时限（2027-03-01）。</translation>
        </message>
        <message>
            <source>End a drill's play (evaluation and report follow).</source>
            <translation>结束演练推演（随后评估并出具报告）。</translation>
        </message>
        <message>
            <source>Expected actions:</source>
            <translation>预期行动：</translation>
        </message>
        <message>
            <source>Fire an inject now (manual and contingency injects).</source>
            <translation>立即发出情景注入（手动和备用注入）。</translation>
        </message>
        <message>
            <source>Give the drill a name.</source>
            <translation>请填写演练名称。</translation>
        </message>
        <message>
            <source>Give the kind of drill: 桌面推演, 专项演练 or 综合演练.</source>
            <translation>请填写演练类型：桌面推演、专项演练或综合演练。</translation>
        </message>
        <message>
            <source>Import the scenario and MSEL from an .xlsx file.</source>
            <translation>从 .xlsx 文件导入演练情景和情景事件清单。</translation>
        </message>
        <message>
            <source>Imported {injects} injects, {expects} expected actions, {objectives} objectives and {people} participants.</source>
            <translation>已导入 {injects} 条情景注入、{expects} 项预期行动、{objectives} 个目标和 {people} 名参演人员。</translation>
        </message>
        <message>
            <source>Improvement item added.</source>
            <translation>已添加改进项。</translation>
        </message>
        <message>
            <source>Improvement item updated.</source>
            <translation>已更新改进项。</translation>
        </message>
        <message>
            <source>Inject number {no} is not a new number from 1.</source>
            <translation>情景注入序号 {no} 无效：须为从 1 起且不重复的序号。</translation>
        </message>
        <message>
            <source>Inject {no} fired at {at}.</source>
            <translation>情景注入 {no} 已于 {at} 发出。</translation>
        </message>
        <message>
            <source>Inject {no} follows another: name its number.</source>
            <translation>情景注入 {no} 跟随另一条注入：请填写其序号。</translation>
        </message>
        <message>
            <source>Inject {no} follows inject {after}, which is not in the list.</source>
            <translation>情景注入 {no} 跟随的注入 {after} 不在清单中。</translation>
        </message>
        <message>
            <source>Inject {no} has no message.</source>
            <translation>情景注入 {no} 没有信息内容。</translation>
        </message>
        <message>
            <source>Inject {no} has not been fired yet.</source>
            <translation>情景注入 {no} 尚未发出。</translation>
        </message>
        <message>
            <source>Inject {no} is {state} already.</source>
            <translation>情景注入 {no} 已是“{state}”。</translation>
        </message>
        <message>
            <source>Inject {no} received: {message}</source>
            <translation>收到情景注入 {no}：{message}</translation>
        </message>
        <message>
            <source>Inject {no} waits for itself through the injects it follows.</source>
            <translation>情景注入 {no} 经由其跟随的注入又等待自身（循环）。</translation>
        </message>
        <message>
            <source>Inject {no} was fired already.</source>
            <translation>情景注入 {no} 已发出。</translation>
        </message>
        <message>
            <source>Inject {no}: {state}.</source>
            <translation>情景注入 {no}：{state}。</translation>
        </message>
        <message>
            <source>Injects</source>
            <translation>情景注入</translation>
        </message>
        <message>
            <source>Injects fired: {fired} of {count}</source>
            <translation>已发出情景注入：{fired} / {count}</translation>
        </message>
        <message>
            <source>Its division code, e.g. 430422.</source>
            <translation>其行政区划代码，例如 430422。</translation>
        </message>
        <message>
            <source>Its grade: I, II, III or IV.</source>
            <translation>其级别：I、II、III 或 IV。</translation>
        </message>
        <message>
            <source>Its place.</source>
            <translation>其地点。</translation>
        </message>
        <message>
            <source>Judge an action met, late, missed or not applicable.</source>
            <translation>请判定为按时完成、超时完成、未完成或不适用。</translation>
        </message>
        <message>
            <source>Kind: {kind}  Status: {status}</source>
            <translation>类型：{kind}  状态：{status}</translation>
        </message>
        <message>
            <source>Move an improvement item forward.</source>
            <translation>推进改进项的状态。</translation>
        </message>
        <message>
            <source>No drill {ref}.</source>
            <translation>没有演练 {ref}。</translation>
        </message>
        <message>
            <source>No drills yet.</source>
            <translation>尚无演练。</translation>
        </message>
        <message>
            <source>No expected action {ref} in this drill (e.g. 3.1: inject 3's first).</source>
            <translation>本演练中没有预期行动 {ref}（例如 3.1：第 3 条情景注入的第一项）。</translation>
        </message>
        <message>
            <source>No improvement item {ref}.</source>
            <translation>没有改进项 {ref}。</translation>
        </message>
        <message>
            <source>No improvement items.</source>
            <translation>没有改进项。</translation>
        </message>
        <message>
            <source>No inject {no} in the list.</source>
            <translation>清单中没有情景注入 {no}。</translation>
        </message>
        <message>
            <source>No inject {ref} in this drill.</source>
            <translation>本演练中没有情景注入 {ref}。</translation>
        </message>
        <message>
            <source>No objective {code} in the plan.</source>
            <translation>方案中没有目标 {code}。</translation>
        </message>
        <message>
            <source>No objective {ref} in this drill.</source>
            <translation>本演练中没有目标 {ref}。</translation>
        </message>
        <message>
            <source>Not played by the automatic run.</source>
            <translation>自动推演未执行此项。</translation>
        </message>
        <message>
            <source>Objective {code} has no text.</source>
            <translation>目标 {code} 没有内容。</translation>
        </message>
        <message>
            <source>Objective {code} is listed twice.</source>
            <translation>目标 {code} 重复列出。</translation>
        </message>
        <message>
            <source>Objective {objective} rated {rating}.</source>
            <translation>目标 {objective} 评定为 {rating}。</translation>
        </message>
        <message>
            <source>Observation recorded.</source>
            <translation>已记录观察。</translation>
        </message>
        <message>
            <source>Only drills of this status.</source>
            <translation>仅显示该状态的演练。</translation>
        </message>
        <message>
            <source>Only the injects addressed to this agency.</source>
            <translation>仅显示发给该单位的情景注入。</translation>
        </message>
        <message>
            <source>Only those not done.</source>
            <translation>仅显示未完成的。</translation>
        </message>
        <message>
            <source>Orders for a drill are made inside the drill (its sandbox: bioreserve --drill ID order create …, or the 演练 page); in the live database they would issue real stock.</source>
            <translation>演练用调拨单须在演练内（其沙箱：bioreserve --drill ID order create …，或“演练”页面）创建；在实际数据库中创建会动用真实库存。</translation>
        </message>
        <message>
            <source>Pause a drill's clock.</source>
            <translation>暂停演练时钟。</translation>
        </message>
        <message>
            <source>Plan a new drill (status 计划).</source>
            <translation>计划一次新演练（状态：计划）。</translation>
        </message>
        <message>
            <source>Play a scenario automatically and report what stock would lack.</source>
            <translation>自动推演情景并报告库存缺口。</translation>
        </message>
        <message>
            <source>Playbooks: {codes}</source>
            <translation>预案：{codes}</translation>
        </message>
        <message>
            <source>Rate an objective P, S, M or U.</source>
            <translation>将目标评定为 P、S、M 或 U。</translation>
        </message>
        <message>
            <source>Resume a paused drill.</source>
            <translation>继续已暂停的演练。</translation>
        </message>
        <message>
            <source>Scenario played on a copy of the live database (nothing real changed): drill {drill}, incident {incident}, playbooks {playbooks}, {fired} injects.</source>
            <translation>已在实际数据库的副本上推演情景（未改动任何真实数据）：演练 {drill}，事件 {incident}，预案 {playbooks}，情景注入 {fired} 条。</translation>
        </message>
        <message>
            <source>Scenario start</source>
            <translation>情景起始时间</translation>
        </message>
        <message>
            <source>Set a running drill's clock speed (×1 to ×60).</source>
            <translation>设置进行中演练的推演速度（×1 至 ×60）。</translation>
        </message>
        <message>
            <source>Several drills end with {ref}: {numbers}. Give the whole number.</source>
            <translation>有多个演练编号以 {ref} 结尾：{numbers}。请填写完整编号。</translation>
        </message>
        <message>
            <source>Speed ×{speed}.</source>
            <translation>速度 ×{speed}。</translation>
        </message>
        <message>
            <source>Start a drill (its sandbox made on first start) or resume it.</source>
            <translation>开始演练（首次开始时建立沙箱）或继续演练。</translation>
        </message>
        <message>
            <source>The after-action report (PDF) to write.</source>
            <translation>要生成的演练总结评估报告（PDF）。</translation>
        </message>
        <message>
            <source>The corrective action.</source>
            <translation>整改措施。</translation>
        </message>
        <message>
            <source>The drill's name.</source>
            <translation>演练名称。</translation>
        </message>
        <message>
            <source>The drills, newest first.</source>
            <translation>演练列表，最新的在前。</translation>
        </message>
        <message>
            <source>The improvement items tracked in the live database.</source>
            <translation>实际数据库中跟踪的改进项。</translation>
        </message>
        <message>
            <source>The improvement plan is written inside the drill.</source>
            <translation>改进计划须在演练内填写。</translation>
        </message>
        <message>
            <source>The inject has been handled.</source>
            <translation>该情景注入已处置。</translation>
        </message>
        <message>
            <source>The issue found.</source>
            <translation>发现的问题。</translation>
        </message>
        <message>
            <source>The objective it concerns (O1, …).</source>
            <translation>相关目标（O1 等）。</translation>
        </message>
        <message>
            <source>The responsible agency (code or name).</source>
            <translation>责任单位（代码或名称）。</translation>
        </message>
        <message>
            <source>The scenario narrative.</source>
            <translation>情景概述。</translation>
        </message>
        <message>
            <source>The scenario's time T+0 (default: when it starts).</source>
            <translation>情景起始时间 T+0（默认：演练开始时）。</translation>
        </message>
        <message>
            <source>The simulated incident's hazard (a playbook hazard code).</source>
            <translation>模拟事件的危害类型（预案危害类型代码）。</translation>
        </message>
        <message>
            <source>The speed is ×1 to ×{max}.</source>
            <translation>速度为 ×1 至 ×{max}。</translation>
        </message>
        <message>
            <source>This database is not the sandbox of a drill.</source>
            <translation>这个数据库不是演练的数据库（演练沙箱）。</translation>
        </message>
        <message>
            <source>This is the sandbox of a drill; plan, start and close drills from the live database (without --drill).</source>
            <translation>这是演练沙箱；请在实际数据库中（不带 --drill）计划、开始和关闭演练。</translation>
        </message>
        <message>
            <source>What was observed.</source>
            <translation>观察到的情况。</translation>
        </message>
        <message>
            <source>Write a drill's scenario and MSEL to an .xlsx file.</source>
            <translation>将演练情景和情景事件清单写入 .xlsx 文件。</translation>
        </message>
        <message>
            <source>Write the after-action report and improvement plan (PDF).</source>
            <translation>生成演练总结评估报告和改进计划（PDF）。</translation>
        </message>
        <message>
            <source>Write the {count} improvement item(s) of drill {number} into the live database?</source>
            <translation>将演练 {number} 的 {count} 项改进项写入实际数据库？</translation>
        </message>
        <message>
            <source>Write what was observed.</source>
            <translation>请填写观察到的情况。</translation>
        </message>
        <message>
            <source>[Drill] {station}</source>
            <translation>【演练】{station}</translation>
        </message>
        <message>
            <source>strength (做得好的) or improvement (待改进).</source>
            <translation>strength（做得好的）或 improvement（待改进）。</translation>
        </message>
        <message>
            <source>{action}: {result}.</source>
            <translation>{action}：{result}。</translation>
        </message>
        <message>
            <source>{number}  {status}  {clock} ×{speed}</source>
            <translation>{number}  {status}  {clock} ×{speed}</translation>
        </message>
        <message>
            <source>{path} belongs to another drill than this sandbox's; import it inside that drill. Nothing was imported.</source>
            <translation>{path} 属于另一次演练，不属于本沙箱的演练；请在那次演练中导入。未导入任何内容。</translation>
        </message>
        <message>
            <source>{path} is a bundle of a drill (演练): drill data never enters the live database. Import it inside the same drill (bioreserve --drill … sync import); nothing was imported.</source>
            <translation>{path} 是演练的同步包：演练数据不得进入实际数据库。请在同一演练中导入（bioreserve --drill … sync import）；未导入任何内容。</translation>
        </message>
        <message>
            <source>{path} is a bundle of live data and this is the sandbox of a drill: a drill takes bundles of the same drill only. Import it into the live database; nothing was imported.</source>
            <translation>{path} 是实际数据的同步包，而这里是演练沙箱：演练只接收同一演练的同步包。请导入实际数据库；未导入任何内容。</translation>
        </message>
        <message>
            <source>{value} is not a number of minutes from 0 to {max}.</source>
            <translation>{value} 不是 0 至 {max} 之间的分钟数。</translation>
        </message>
        <message>
            <source>桌面推演, 专项演练 or 综合演练.</source>
            <translation>桌面推演、专项演练或综合演练。</translation>
        </message>
        <message>
            <source>This is a drill's sandbox: export the station's key from the live database (without --drill); the stations of a drill trust each other already.</source>
            <translation>这是演练沙箱：请在实际数据库中（不带 --drill）导出本站密钥；同一演练的各站已相互信任。</translation>
        </message>
        <message>
            <source>This key is already trusted as station {code} ({origin}); the same key under another origin comes from a drill's sandbox or a copied database, and is not trusted here.</source>
            <translation>该密钥已作为站点 {code}（{origin}）受信任；同一密钥配以其他来源标识，说明来自演练沙箱或复制的数据库，本站不予信任。</translation>
        </message>
        <message>
            <source>Period: {start} to {end}</source>
            <translation>监测期间：{start} 至 {end}</translation>
        </message>
        <message>
            <source>The city's plan {plan}, 三（六）三: long-term environmental and health monitoring of the areas and people contaminated, led by {agencies}, with recommendations drawn from it.</source>
            <translation>依据{plan}三（六）三：由{agencies}牵头，对遭受污染的区域和人员进行长期环境监测和健康监测，并根据监测情况提出应对建议。</translation>
        </message>
        <message>
            <source>People followed</source>
            <translation>监测人员</translation>
        </message>
        <message>
            <source>Sampling sites</source>
            <translation>采样点位</translation>
        </message>
        <message>
            <source>{done} result(s) recorded in the period, {abnormal} of them abnormal.</source>
            <translation>期间共记录监测结果 {done} 条，其中异常 {abnormal} 条。</translation>
        </message>
        <message>
            <source>{count} abnormal result(s): {handled} handled, {open} not handled yet.</source>
            <translation>异常结果 {count} 条：已处置 {handled} 条，未处置 {open} 条。</translation>
        </message>
        <message>
            <source>Period from</source>
            <translation>监测期间起</translation>
        </message>
        <message>
            <source>Period to</source>
            <translation>监测期间止</translation>
        </message>
        <message>
            <source>The period starts on {start}, after its end {end}: nothing to report.</source>
            <translation>监测期间的起始日 {start} 晚于截止日 {end}，没有可报告的内容。</translation>
        </message>
        <message>
            <source>1. Overview of the monitoring</source>
            <translation>一、监测概况</translation>
        </message>
        <message>
            <source>2. Coverage</source>
            <translation>二、监测覆盖情况</translation>
        </message>
        <message>
            <source>3. Results</source>
            <translation>三、监测结果</translation>
        </message>
        <message>
            <source>4. Abnormal findings</source>
            <translation>四、异常发现</translation>
        </message>
        <message>
            <source>5. Analysis and recommendations</source>
            <translation>五、分析与建议</translation>
        </message>
        <message>
            <source>In progress ({count} of {total} schedules)</source>
            <translation>进行中（{total} 项监测计划中的 {count} 项）</translation>
        </message>
        <message>
            <source>Cohort</source>
            <translation>监测人群</translation>
        </message>
        <message>
            <source>Site kind</source>
            <translation>点位类型</translation>
        </message>
        <message>
            <source>Site place</source>
            <translation>点位地点</translation>
        </message>
        <message>
            <source>Coordinates</source>
            <translation>经纬度</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>进行中</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>已结束</translation>
        </message>
        <message>
            <source>Ended early</source>
            <translation>提前终止</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>监测项目</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>监测对象</translation>
        </message>
        <message>
            <source>Frequency and duration</source>
            <translation>频次与周期</translation>
        </message>
        <message>
            <source>Subjects</source>
            <translation>对象数</translation>
        </message>
        <message>
            <source>Checks due</source>
            <translation>应检</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>已检</translation>
        </message>
        <message>
            <source>Missing</source>
            <translation>缺检</translation>
        </message>
        <message>
            <source>Coverage</source>
            <translation>覆盖率</translation>
        </message>
        <message>
            <source>Results</source>
            <translation>结果数</translation>
        </message>
        <message>
            <source>Normal</source>
            <translation>正常</translation>
        </message>
        <message>
            <source>Abnormal</source>
            <translation>异常</translation>
        </message>
        <message>
            <source>Range of values</source>
            <translation>数值范围</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Handling</source>
            <translation>处置情况</translation>
        </message>
        <message>
            <source>Entered by {actor} at {time}.</source>
            <translation>录入人：{actor}，录入时间：{time}。</translation>
        </message>
        <message>
            <source>Cohort: {cohort}</source>
            <translation>监测人群：{cohort}</translation>
        </message>
        <message>
            <source>Ended</source>
            <translation>已结束</translation>
        </message>
        <message>
            <source>No schedule</source>
            <translation>尚无监测计划</translation>
        </message>
        <message>
            <source>No monitoring schedule has been set up.</source>
            <translation>尚未制定监测计划。</translation>
        </message>
        <message>
            <source>Handled: {note}</source>
            <translation>已处置：{note}</translation>
        </message>
        <message>
            <source>Not handled yet</source>
            <translation>未处置</translation>
        </message>
        <message>
            <source>Analyst (signature):</source>
            <translation>分析人（签名）：</translation>
        </message>
        <message>
            <source>Monitoring period</source>
            <translation>监测期间</translation>
        </message>
        <message>
            <source>Monitoring</source>
            <translation>监测状态</translation>
        </message>
        <message>
            <source>No person is followed.</source>
            <translation>尚无监测人员。</translation>
        </message>
        <message>
            <source>A report on one cohort leaves out the sampling sites.</source>
            <translation>本报告仅针对一个监测人群，不含环境采样点位。</translation>
        </message>
        <message>
            <source>No sampling site has been set up.</source>
            <translation>尚未设置环境采样点位。</translation>
        </message>
        <message>
            <source>Reason: {reason}</source>
            <translation>原因：{reason}</translation>
        </message>
        <message>
            <source>No abnormal result was recorded in the period.</source>
            <translation>期间未发现异常结果。</translation>
        </message>
        <message>
            <source>The analyst has entered no recommendation.</source>
            <translation>分析人员尚未录入分析与建议。</translation>
        </message>
        <message>
            <source>All cohorts and sites</source>
            <translation>全部人群和点位</translation>
        </message>
        <message>
            <source>An inject cannot follow itself.</source>
            <translation>情景注入不能跟随自己。</translation>
        </message>
        <message>
            <source>Area affected.</source>
            <translation>受影响面积。</translation>
        </message>
        <message>
            <source>Days the response is expected to last.</source>
            <translation>预计处置持续的天数。</translation>
        </message>
        <message>
            <source>Fill in the sheets 情景, 目标, 参演人员, 事件清单 and 预期行动; only 事件清单 is required. Keep each sheet's name and header row as they are (English names are accepted too). The rows in them now are an example (a Hengyang scenario): replace them with your drill's.</source>
            <translation>填写“情景”“目标”“参演人员”“事件清单”“预期行动”各表，其中仅“事件清单”必填。各表的表名和表头行请保持不变（也可使用英文名称）。表中现有各行是示例（衡阳的一个情景），请替换为本次演练的内容。</translation>
        </message>
        <message>
            <source>Give the number of the inject it follows.</source>
            <translation>请填写所跟随情景注入的序号。</translation>
        </message>
        <message>
            <source>How fast the drill's clock runs.</source>
            <translation>演练时钟的推进速度。</translation>
        </message>
        <message>
            <source>How it arrives (empty: 电话).</source>
            <translation>送达方式（空：电话）。</translation>
        </message>
        <message>
            <source>How to fill in a drill's workbook (MSEL)</source>
            <translation>如何填写演练脚本（MSEL）</translation>
        </message>
        <message>
            <source>Import into a drill that has not started: bioreserve drill import-msel ID FILE.xlsx. The file's objectives, participants, injects and expected actions replace the drill's; the items of 情景 that have a value change the drill's fields. Every problem is listed with its sheet, row and column, and nothing is changed while there is one.</source>
            <translation>导入到尚未开始的演练：bioreserve drill import-msel ID FILE.xlsx。文件中的目标、参演人员、情景注入和预期行动替换演练原有内容；“情景”表中填有内容的项目更新演练的相应信息。每个问题都列出其所在表、行和列，只要有问题就不做任何更改。</translation>
        </message>
        <message>
            <source>Inject {no} is already in row {row}.</source>
            <translation>情景注入 {no} 已在第 {row} 行。</translation>
        </message>
        <message>
            <source>Merged cells ({rows} rows × {columns} columns); unmerge them and fill in every cell.</source>
            <translation>合并单元格（{rows} 行 × {columns} 列）；请取消合并并填写每个单元格。</translation>
        </message>
        <message>
            <source>Minutes from the inject's firing by which it is due.</source>
            <translation>自情景注入发出起须在多少分钟内完成。</translation>
        </message>
        <message>
            <source>More than {max} rows, the most it may hold.</source>
            <translation>超过 {max} 行，这是该表允许的最多行数。</translation>
        </message>
        <message>
            <source>Phone number.</source>
            <translation>电话号码。</translation>
        </message>
        <message>
            <source>Play a scenario automatically and see what stock would lack: bioreserve drill run FILE.xlsx --auto --out AAR.pdf.</source>
            <translation>自动推演一个情景，看看储备物资会缺什么：bioreserve drill run FILE.xlsx --auto --out AAR.pdf。</translation>
        </message>
        <message>
            <source>Required sheet missing.</source>
            <translation>缺少必需的表。</translation>
        </message>
        <message>
            <source>Responders deployed.</source>
            <translation>投入的处置人员数。</translation>
        </message>
        <message>
            <source>Sheet {sheet} ({required})</source>
            <translation>{sheet}表（{required}）</translation>
        </message>
        <message>
            <source>Sheet {sheet}: one item a row, its value in the column 内容; an empty value keeps the drill's</source>
            <translation>{sheet}表：每行一个项目，其值填在“内容”列；内容为空则保留演练原有的值</translation>
        </message>
        <message>
            <source>Sites affected.</source>
            <translation>受影响的场所数。</translation>
        </message>
        <message>
            <source>Template written to {path}. Fill in its sheets (only 事件清单 is required) in place of the example; the sheet 说明 describes every column and lists the valid values. Import it with `bioreserve drill import-msel ID {path}`.</source>
            <translation>模板已写入 {path}。请用本次演练的内容替换各表中的示例（仅“事件清单”必填）；“说明”表介绍了每一列并列出可填的值。填好后用 `bioreserve drill import-msel ID {path}` 导入。</translation>
        </message>
        <message>
            <source>The agency (a participant's, or the one expected to act).</source>
            <translation>单位（参演人员所在单位，或预期采取行动的单位）。</translation>
        </message>
        <message>
            <source>The agency it is addressed to (the one whose console shows it).</source>
            <translation>接收单位（其演练控制台显示此情景注入）。</translation>
        </message>
        <message>
            <source>The expected action in words.</source>
            <translation>对预期行动的文字说明。</translation>
        </message>
        <message>
            <source>The inject the action answers.</source>
            <translation>该行动所响应的情景注入。</translation>
        </message>
        <message>
            <source>The inject's number, unique; injects are listed in this order.</source>
            <translation>情景注入的序号，不可重复；情景注入按此顺序排列。</translation>
        </message>
        <message>
            <source>The kind of drill.</source>
            <translation>演练类型。</translation>
        </message>
        <message>
            <source>The number of the inject it follows (延时, 条件; 延时 without one follows the inject before it).</source>
            <translation>所跟随情景注入的序号（延时、条件；延时未填时跟随上一条情景注入）。</translation>
        </message>
        <message>
            <source>The objective it tests.</source>
            <translation>所检验的目标。</translation>
        </message>
        <message>
            <source>The objective's code, which injects and actions refer to (empty: O1, O2 … in order).</source>
            <translation>目标编号，供情景注入和预期行动引用（空：按顺序为 O1、O2 …）。</translation>
        </message>
        <message>
            <source>The participant's name (a name or an agency is needed).</source>
            <translation>参演人员姓名（姓名和单位至少填一项）。</translation>
        </message>
        <message>
            <source>The participant's role (empty: 参演单位).</source>
            <translation>参演人员的角色（空：参演单位）。</translation>
        </message>
        <message>
            <source>The place, in words.</source>
            <translation>地点（文字描述）。</translation>
        </message>
        <message>
            <source>The plan clause or playbook the objective tests.</source>
            <translation>目标所检验的方案条款或预案。</translation>
        </message>
        <message>
            <source>The playbooks the drill tests (they replace the drill's).</source>
            <translation>演练检验的预案（替换演练原有的预案）。</translation>
        </message>
        <message>
            <source>The scenario as the players are told it.</source>
            <translation>向参演人员介绍的情景。</translation>
        </message>
        <message>
            <source>The scenario's time at T+0.</source>
            <translation>情景在 T+0 时的时间。</translation>
        </message>
        <message>
            <source>The simulated incident's grade (national plan, I highest).</source>
            <translation>模拟事件的级别（国家预案分级，I 级最高）。</translation>
        </message>
        <message>
            <source>The simulated incident's hazard.</source>
            <translation>模拟事件的危害类型。</translation>
        </message>
        <message>
            <source>This cell holds a formula; type the value itself (or copy the column and paste it as values).</source>
            <translation>此单元格是公式；请直接填写值（或复制该列后“选择性粘贴为数值”）。</translation>
        </message>
        <message>
            <source>This item is already in row {row}.</source>
            <translation>此项目已在第 {row} 行。</translation>
        </message>
        <message>
            <source>This sheet appears twice.</source>
            <translation>此表出现了两次。</translation>
        </message>
        <message>
            <source>Unknown item; the items are {items}.</source>
            <translation>未知的项目；可填的项目为 {items}。</translation>
        </message>
        <message>
            <source>Unknown sheet; the sheets are {sheets} ({help} is not read).</source>
            <translation>未知的表；可用的表为 {sheets}（不读取“{help}”表）。</translation>
        </message>
        <message>
            <source>Values from a list (trigger, channel, action, role, state, kind, hazard, grade) may be written by their Chinese name, English name or code; agencies by code, full name or short name. Times are minutes after the drill's start (T+90), or hours:minutes (1:30).</source>
            <translation>列表中的值（触发方式、渠道、行动类型、角色、状态、演练类型、危害类型、事件级别）可填中文名称、英文名称或代码；单位可填代码、全称或简称。时间为演练开始后的分钟数（T+90），或“小时:分钟”（1:30）。</translation>
        </message>
        <message>
            <source>What the addressee is told.</source>
            <translation>告知接收单位的内容。</translation>
        </message>
        <message>
            <source>What the drill tests.</source>
            <translation>演练所检验的内容。</translation>
        </message>
        <message>
            <source>What the players are expected to do (empty: 其他, judged by an evaluator).</source>
            <translation>预期参演人员采取的行动（空：其他，由评估员判定）。</translation>
        </message>
        <message>
            <source>When the inject fires: 定时 at its time, 延时 its minutes after the inject it follows fires, 条件 its minutes after that inject reaches the 前置状态, 手动 when a controller fires it (empty: 定时).</source>
            <translation>情景注入何时发出：定时为到其时间时；延时为所跟随的情景注入发出后再过其分钟数；条件为所跟随的情景注入达到“前置状态”后再过其分钟数；手动为导调员发出时（空：定时）。</translation>
        </message>
        <message>
            <source>Where the simulated incident happens.</source>
            <translation>模拟事件发生的地区。</translation>
        </message>
        <message>
            <source>Who sends it (a simulated caller or agency).</source>
            <translation>发送方（模拟的来电人或单位）。</translation>
        </message>
        <message>
            <source>Write an .xlsx template for importing items, depots, stock, norms or experts, or a drill's workbook (msel: scenario, objectives, participants, injects, expected actions).</source>
            <translation>写出导入物资、仓库、库存、储备定额或专家用的 .xlsx 模板，或演练脚本（msel：情景、目标、参演人员、情景注入、预期行动）。</translation>
        </message>
        <message>
            <source>Write values, not formulas, and do not merge cells: both are refused.</source>
            <translation>请填写值，不要用公式，也不要合并单元格：两者都会被拒绝。</translation>
        </message>
        <message>
            <source>a code of 目标</source>
            <translation>“目标”表中的编号</translation>
        </message>
        <message>
            <source>a date, not a number (format the cell as General or Text).</source>
            <translation>是日期，不是数字（请将单元格格式设为“常规”或“文本”）。</translation>
        </message>
        <message>
            <source>an inject's 序号</source>
            <translation>情景注入的序号</translation>
        </message>
        <message>
            <source>code, full name or short name (see the list below)</source>
            <translation>代码、全称或简称（见下方列表）</translation>
        </message>
        <message>
            <source>codes separated by commas (see the list below)</source>
            <translation>编码，以逗号分隔（见下方列表）</translation>
        </message>
        <message>
            <source>division code or name (see the list below)</source>
            <translation>区划代码或名称（见下方列表）</translation>
        </message>
        <message>
            <source>e.g. O1</source>
            <translation>如 O1</translation>
        </message>
        <message>
            <source>e.g. 三（一） or PB-EID</source>
            <translation>如 三（一） 或 PB-EID</translation>
        </message>
        <message>
            <source>it has more than {max} worksheets</source>
            <translation>其工作表超过 {max} 个</translation>
        </message>
        <message>
            <source>its worksheets span {cells} cells, more than {max}</source>
            <translation>其工作表共占 {cells} 个单元格，超过 {max} 个</translation>
        </message>
        <message>
            <source>minutes (90), or hours:minutes (1:30)</source>
            <translation>分钟数（90），或“小时:分钟”（1:30）</translation>
        </message>
        <message>
            <source>not a number from 0 to {max}.</source>
            <translation>不是 0 至 {max} 之间的数。</translation>
        </message>
        <message>
            <source>not a number.</source>
            <translation>不是数字。</translation>
        </message>
        <message>
            <source>not a whole number of minutes from 0 to {max} (or hours:minutes, 1:30).</source>
            <translation>不是 0 至 {max} 之间的整数分钟（或“小时:分钟”，如 1:30）。</translation>
        </message>
        <message>
            <source>number, in km²</source>
            <translation>数字，单位为平方公里</translation>
        </message>
        <message>
            <source>optional</source>
            <translation>选填</translation>
        </message>
        <message>
            <source>required</source>
            <translation>必填</translation>
        </message>
        <message>
            <source>text</source>
            <translation>文字</translation>
        </message>
        <message>
            <source>whole number</source>
            <translation>整数</translation>
        </message>
        <message>
            <source>whole number from 1</source>
            <translation>从 1 起的整数</translation>
        </message>
        <message>
            <source>{file} has {count} problem(s); nothing was changed:</source>
            <translation>{file} 有 {count} 个问题；未做任何更改：</translation>
        </message>
        <message>
            <source>{file} is not an .xlsx workbook; a drill's scenario is read from one (`bioreserve template msel` writes it).</source>
            <translation>{file} 不是 .xlsx 工作簿；演练脚本须从 .xlsx 工作簿读取（`bioreserve template msel` 可写出模板）。</translation>
        </message>
        <message>
            <source>{file} is too large for a drill's scenario ({size} MB; at most {max} MB).</source>
            <translation>{file} 作为演练脚本过大（{size} MB；最多 {max} MB）。</translation>
        </message>
        <message>
            <source>{sheet}, row {row}, {column}: {reason}</source>
            <translation>{sheet} 第 {row} 行「{column}」：{reason}</translation>
        </message>
        <message>
            <source>{sheet}: {reason}</source>
            <translation>{sheet}：{reason}</translation>
        </message>
        <message>
            <source>×1 to ×{max}</source>
            <translation>×1 至 ×{max}</translation>
        </message>
        <message>
            <source>“{value}”: {reason}</source>
            <translation>“{value}” {reason}</translation>
        </message>
        <message>
            <source>… and more: correct these and try again.</source>
            <translation>……还有更多问题：请先改正以上问题再试。</translation>
        </message>
        <message>
            <source>定时: minutes after the start; 延时 and 条件: minutes after the inject it follows.</source>
            <translation>定时：开始后的分钟数；延时和条件：所跟随情景注入之后的分钟数。</translation>
        </message>
        <message>
            <source>是: kept for when play goes off course; fired only by a controller.</source>
            <translation>是：备用，推演偏离预期时使用；只由导调员发出。</translation>
        </message>
        <message>
            <source>条件: the state the inject it follows must reach (empty: 已发出).</source>
            <translation>条件：所跟随的情景注入须达到的状态（空：已发出）。</translation>
        </message>
        <message>
            <source>Other names accepted</source>
            <translation>可用的其他名称</translation>
        </message>
        <message>
            <source>The participant's agency.</source>
            <translation>参演人员所在单位。</translation>
        </message>
        <message>
            <source>The agency expected to act.</source>
            <translation>预期采取行动的单位。</translation>
        </message>
        <message>
            <source>Agencies and their codes</source>
            <translation>单位及代码</translation>
        </message>
        <message>
            <source>Playbooks and their codes</source>
            <translation>预案及编码</translation>
        </message>
        <message>
            <source>Every {every} day(s)</source>
            <translation>每 {every} 天 1 次</translation>
        </message>
        <message>
            <source>for {days} days</source>
            <translation>共 {days} 天</translation>
        </message>
        <message>
            <source>No result: no monitoring schedule has been set up.</source>
            <translation>尚未制定监测计划，没有监测结果。</translation>
        </message>
        <message>
            <source>18 characters: 17 digits and a digit or X</source>
            <translation>18 位：17 位数字加 1 位数字或 X</translation>
        </message>
        <message>
            <source>Anything to add (symptoms, a second test …).</source>
            <translation>需要补充说明的情况（症状、复查等）。</translation>
        </message>
        <message>
            <source>Cohorts</source>
            <translation>人群类别</translation>
        </message>
        <message>
            <source>Fill in the first sheet under its header row, which must stay as it is (English column names and the names hospitals use, such as 身份证号码, 手机号 or 暴露日期, are accepted too; a title row above it is skipped). The sheet may also be saved as CSV (UTF-8 or GBK).</source>
            <translation>在第一个工作表的表头行下逐行填写，表头行保持不变（也可使用英文列名及医院常用的列名，如 身份证号码、手机号、暴露日期；表头上方的标题行会被跳过）。也可另存为 CSV（UTF-8 或 GBK）。</translation>
        </message>
        <message>
            <source>Give a file name ending in .xlsx (e.g. {name}.xlsx).</source>
            <translation>请给出以 .xlsx 结尾的文件名（例如 {name}.xlsx）。</translation>
        </message>
        <message>
            <source>Give the measure: the schedules of {cohort} are {schedules}.</source>
            <translation>请填写监测项目：{cohort}的监测计划有 {schedules}。</translation>
        </message>
        <message>
            <source>How the person was exposed (同住, 同一工作场所, 处置现场 …).</source>
            <translation>暴露方式（同住、同一工作场所、处置现场等）。</translation>
        </message>
        <message>
            <source>Import: bioreserve monitoring import --incident ID FILE.xlsx. Every row is checked first; every problem is reported with its row, column and value, and nothing is imported while there is one.</source>
            <translation>导入：bioreserve monitoring import --incident 事件编号 FILE.xlsx。先逐行检查全部数据；每个问题都会列出行号、列名和所填的值，只要还有问题就不导入任何数据。</translation>
        </message>
        <message>
            <source>Nothing was imported from {file}: it is neither a cohort list nor a list of results.</source>
            <translation>未从 {file} 导入任何数据：它既不是监测人员名单，也不是监测结果清单。</translation>
        </message>
        <message>
            <source>Nothing was imported from {file}: its header row does not match {kind} (`bioreserve template {template} --out FILE.xlsx` writes one).</source>
            <translation>未从 {file} 导入任何数据：其表头与{kind}的格式不符（`bioreserve template {template} --out FILE.xlsx` 可写出模板）。</translation>
        </message>
        <message>
            <source>Nothing was imported from {file}: {bad} of {total} rows have problems. Correct them and import the file again.</source>
            <translation>未从 {file} 导入任何数据：{total} 行中有 {bad} 行存在问题。请改正后重新导入。</translation>
        </message>
        <message>
            <source>One row per check: the person (by ID number), the day and the measure, or the check's number (监测编号) alone. A list sent again with more days is welcome: results recorded already with the same value are left as they are, a new value replaces the one recorded. An abnormal result raises an alert and is written in the incident's 大事记.</source>
            <translation>每行一次监测：填写人员（身份证号）、监测日期和监测项目，或只填监测编号。可以再次发送追加了天数的清单：已记录且结果相同的保持不变，结果不同的以新值替换。异常结果会产生预警并记入事件大事记。</translation>
        </message>
        <message>
            <source>One row per person. A person already followed for the incident is refused, and so is an ID number twice in the file.</source>
            <translation>每行一人。已在本事件监测中的人员不予导入，文件中重复出现的身份证号也不予导入。</translation>
        </message>
        <message>
            <source>Required column missing (or give the column {other}).</source>
            <translation>缺少必填列（或提供「{other}」列）。</translation>
        </message>
        <message>
            <source>Resident ID number, checked by its check digit. Format the column as text: Excel rounds a long number to 15 digits. In a list of results: a person followed for the incident (or give 监测编号).</source>
            <translation>居民身份证号码，按校验位核验。请将该列设为“文本”格式：Excel 会把长数字舍入为 15 位有效数字。在监测结果清单中须为本事件的监测人员（或填写监测编号）。</translation>
        </message>
        <message>
            <source>Row {row}: {reason}</source>
            <translation>第 {row} 行：{reason}</translation>
        </message>
        <message>
            <source>Schedules of people in this database</source>
            <translation>本数据库中人员的监测计划</translation>
        </message>
        <message>
            <source>Template written to {path}. Fill in its first sheet; the sheet 说明 describes every column. Import it with `bioreserve monitoring import --incident ID {path}`.</source>
            <translation>模板已写入 {path}。请填写第一个工作表；“说明”工作表介绍了每一列。用 `bioreserve monitoring import --incident 事件编号 {path}` 导入。</translation>
        </message>
        <message>
            <source>The check's number as `bioreserve monitoring due` lists it: it names the person or site, the measure and the day, which may then stay empty.</source>
            <translation>监测编号，即 `bioreserve monitoring due` 列出的编号：它已指明人员或采样点、监测项目和日期，这几列可以留空。</translation>
        </message>
        <message>
            <source>The cohort the person is followed in (密接 is read as 密切接触者).</source>
            <translation>人员所属的监测人群（“密接”按“密切接触者”处理）。</translation>
        </message>
        <message>
            <source>The day of the check: a check day of the schedule for this person, not a day still to come.</source>
            <translation>监测日期：须为该人员监测计划中的监测日，且不能晚于今天。</translation>
        </message>
        <message>
            <source>The last day of exposure; the cohort's checks start from it.</source>
            <translation>最后一次暴露的日期；该人员的监测从这一天开始。</translation>
        </message>
        <message>
            <source>The person's name (in a list of results, checked against the person's record when given).</source>
            <translation>人员姓名（在监测结果清单中如填写，则与该人员的登记信息核对）。</translation>
        </message>
        <message>
            <source>The sheet holds too many formulas to check one by one; copy it and paste it as values.</source>
            <translation>该工作表公式过多，无法逐一检查；请复制整个工作表后“选择性粘贴为数值”。</translation>
        </message>
        <message>
            <source>The value measured or observed (36.8, 阴性 …); a number outside the schedule's normal range is abnormal.</source>
            <translation>测得或观察到的结果（36.8、阴性等）；超出监测计划正常范围的数值判为异常。</translation>
        </message>
        <message>
            <source>This check ({measure}, {day}) is already in row {row} of this file.</source>
            <translation>该次监测（{measure}，{day}）已在本文件第 {row} 行。</translation>
        </message>
        <message>
            <source>This row names neither a cohort list ({people}) nor a list of results ({results}); `bioreserve template monitoring-people` and `monitoring-results` write the templates.</source>
            <translation>此行既不是监测人员名单的表头（{people}），也不是监测结果清单的表头（{results}）；`bioreserve template monitoring-people` 和 `monitoring-results` 可写出模板。</translation>
        </message>
        <message>
            <source>What was measured, as a schedule of the person's cohort names it; empty when the cohort has one schedule (a column 体温 in place of 结果 measures 体温).</source>
            <translation>监测项目，与该人员所属人群的监测计划一致；该人群只有一项监测计划时可留空（用“体温”列代替“结果”列时即为体温）。</translation>
        </message>
        <message>
            <source>Where the person lives; a township's code or name counts as its county's.</source>
            <translation>现住址所在区划；乡镇的代码或名称按其所属县（市、区）处理。</translation>
        </message>
        <message>
            <source>Whether the result is abnormal.</source>
            <translation>结果是否异常。</translation>
        </message>
        <message>
            <source>Write an .xlsx template for importing items, depots, stock, norms or experts, a drill's workbook (msel: scenario, objectives, participants, injects, expected actions), or a monitoring list (monitoring-people: a cohort list; monitoring-results: results).</source>
            <translation>写出导入物资、仓库、库存、储备定额或专家用的 .xlsx 模板、演练脚本（msel：情景、目标、参演人员、情景注入、预期行动），或监测名单（monitoring-people：监测人员名单；monitoring-results：监测结果）。</translation>
        </message>
        <message>
            <source>a cohort list</source>
            <translation>监测人员名单</translation>
        </message>
        <message>
            <source>a list of results</source>
            <translation>监测结果清单</translation>
        </message>
        <message>
            <source>digits, spaces, + - and brackets</source>
            <translation>数字、空格、+ - 和括号</translation>
        </message>
        <message>
            <source>e.g. 1a2b3c4d-5e6f7a8b-20260116</source>
            <translation>如 1a2b3c4d-5e6f7a8b-20260116</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>not a date; write it as 2026-03-01 or 2026/3/1.</source>
            <translation>不是日期；请写作 2026-03-01 或 2026/3/1。</translation>
        </message>
        <message>
            <source>write 是 or 否 (异常 or 正常).</source>
            <translation>应填“是”或“否”（或“异常”“正常”）。</translation>
        </message>
        <message>
            <source>{file} has more than {max} rows, the most one import takes: split it.</source>
            <translation>{file} 超过 {max} 行（一次导入的上限）：请拆分后导入。</translation>
        </message>
        <message>
            <source>{file} has no rows under its header row (row {row}); nothing was imported.</source>
            <translation>{file} 的表头行（第 {row} 行）下没有数据；未导入任何数据。</translation>
        </message>
        <message>
            <source>{file} is refused: its header row has more than {max} columns.</source>
            <translation>拒绝读取 {file}：其表头超过 {max} 列。</translation>
        </message>
        <message>
            <source>{file} is too large for a monitoring list ({size} MB; at most {max} MB): split it.</source>
            <translation>{file} 作为监测名单过大（{size} MB；最多 {max} MB）：请拆分后导入。</translation>
        </message>
        <message>
            <source>“{value}” is not a check day of {measure} for this person: every {every} day(s) from {first} to {last}.</source>
            <translation>“{value}”不是该人员{measure}的监测日：自 {first} 至 {last} 每 {every} 天一次。</translation>
        </message>
        <message>
            <source>“{value}” is not an ID number: 18 characters, 17 digits and a check digit or X.</source>
            <translation>“{value}”不是身份证号：应为 18 位，即 17 位数字加 1 位校验码（数字或 X）。</translation>
        </message>
        <message>
            <source>“{value}”: no check of incident {incident} has this number (`monitoring due` lists them).</source>
            <translation>“{value}” 不是事件 {incident} 的监测编号（`monitoring due` 会列出各次监测的编号）。</translation>
        </message>
        <message>
            <source>“{value}”: no one with this ID number is followed for incident {incident}; import the cohort list first.</source>
            <translation>“{value}” 事件 {incident} 的监测人员中没有此身份证号；请先导入监测人员名单。</translation>
        </message>
        <message>
            <source>“{value}”: no schedule of {cohort} measures this; their schedules: {schedules}.</source>
            <translation>“{value}” {cohort}没有该项目的监测计划；其监测计划有：{schedules}。</translation>
        </message>
        <message>
            <source>“{value}”: the ID number was stored as a number, which Excel rounds to 15 digits; format the column as text and type it again.</source>
            <translation>“{value}” 身份证号被存成了数字，Excel 会将其舍入为 15 位有效数字；请将该列设为“文本”格式后重新填写。</translation>
        </message>
        <message>
            <source>“{value}”: the check {check} is of another person or a site.</source>
            <translation>“{value}” 监测编号 {check} 属于另一人员或采样点。</translation>
        </message>
        <message>
            <source>“{value}”: the check {check} is of {day}.</source>
            <translation>“{value}” 监测编号 {check} 的日期是 {day}。</translation>
        </message>
        <message>
            <source>“{value}”: the person followed under this ID number is {name}.</source>
            <translation>“{value}” 此身份证号登记的监测人员是 {name}。</translation>
        </message>
        <message>
            <source>“{value}”: the schedule {measure} has no check day for this person.</source>
            <translation>“{value}” 监测计划“{measure}”对该人员没有监测日。</translation>
        </message>
        <message>
            <source>“{value}”: this ID number is already in row {row} of this file.</source>
            <translation>“{value}” 此身份证号已在本文件第 {row} 行出现。</translation>
        </message>
        <message>
            <source>是 / 否 or 异常 / 正常 (empty: 否)</source>
            <translation>是 / 否，或 异常 / 正常（空：否）</translation>
        </message>
        <message>
            <source>The check of {day} is still to come; record it on the day.</source>
            <translation>{day} 的监测尚未到来；请到当天再记录。</translation>
        </message>
        <message>
            <source>The exposure date {date} lies in the future.</source>
            <translation>暴露日期 {date} 晚于今天。</translation>
        </message>
        <message>
            <source>{name} ({id}) is already followed for this incident.</source>
            <translation>{name}（{id}）已是本事件的监测人员。</translation>
        </message>
        <message>
            <source>ID number {value}: the check digit does not match (a typing error?).</source>
            <translation>身份证号 {value}：校验位不符（是否输入有误？）。</translation>
        </message>
        <message>
            <source>ID number {value}: the birth date {born} does not exist.</source>
            <translation>身份证号 {value}：出生日期 {born} 不存在。</translation>
        </message>
        <message>
            <source>Give the person's name.</source>
            <translation>请填写人员姓名。</translation>
        </message>
        <message>
            <source>Give the value measured or observed.</source>
            <translation>请填写测得或观察到的结果。</translation>
        </message>
        <message>
            <source>A note (needed for 失访 and 转诊).</source>
            <translation>备注（失访和转诊须填写）。</translation>
        </message>
        <message>
            <source>A schedule cannot end before it starts ({date}).</source>
            <translation>监测计划不能在开始（{date}）之前结束。</translation>
        </message>
        <message>
            <source>A schedule is for a cohort or for a site (one of them).</source>
            <translation>监测计划针对一类人群或一个采样点（二者选一）。</translation>
        </message>
        <message>
            <source>Abnormal monitoring result: {subject}, {measure} {value}{unit} on {day}.</source>
            <translation>长期监测异常：{subject}，{day} {measure} {value}{unit}。</translation>
        </message>
        <message>
            <source>Abnormal results not yet handled.</source>
            <translation>尚未处理的异常结果。</translation>
        </message>
        <message>
            <source>Abnormal: an alert is raised and the 大事记 notes it.</source>
            <translation>结果异常：已发出预警并记入大事记。</translation>
        </message>
        <message>
            <source>Add an environmental sampling site.</source>
            <translation>添加环境采样点。</translation>
        </message>
        <message>
            <source>Address or description of the place.</source>
            <translation>地点的地址或描述。</translation>
        </message>
        <message>
            <source>Alert closed.</source>
            <translation>预警已关闭。</translation>
        </message>
        <message>
            <source>An incident's sampling sites.</source>
            <translation>事件的采样点。</translation>
        </message>
        <message>
            <source>An incident's schedules with their state.</source>
            <translation>事件的监测计划及其状态。</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>待检项</translation>
        </message>
        <message>
            <source>Check a cohort or a site every N days for M days.</source>
            <translation>对一类人群或一个采样点每 N 天检测一次，共 M 天。</translation>
        </message>
        <message>
            <source>Checks due on a day and overdue before it.</source>
            <translation>某日到期的检测及此前逾期未做的检测。</translation>
        </message>
        <message>
            <source>Close an abnormal result's alert with what was done.</source>
            <translation>填写处理情况，关闭异常结果预警。</translation>
        </message>
        <message>
            <source>End</source>
            <translation>结束日期</translation>
        </message>
        <message>
            <source>End a schedule early, with a reason.</source>
            <translation>提前结束监测计划，须说明原因。</translation>
        </message>
        <message>
            <source>Every N days.</source>
            <translation>每 N 天一次。</translation>
        </message>
        <message>
            <source>Export the people and results to .xlsx (masked).</source>
            <translation>将人员和结果导出为 .xlsx（脱敏）。</translation>
        </message>
        <message>
            <source>Exposed</source>
            <translation>暴露日期</translation>
        </message>
        <message>
            <source>Exposure date</source>
            <translation>暴露日期</translation>
        </message>
        <message>
            <source>Exposure date (2026-12-01).</source>
            <translation>暴露日期（2026-12-01）。</translation>
        </message>
        <message>
            <source>First day (default today).</source>
            <translation>开始日期（默认今天）。</translation>
        </message>
        <message>
            <source>First day of the period.</source>
            <translation>统计期起始日。</translation>
        </message>
        <message>
            <source>Follow a person (exposed, close contact, …).</source>
            <translation>将一人纳入监测（暴露人员、密切接触者等）。</translation>
        </message>
        <message>
            <source>For M days.</source>
            <translation>共 M 天。</translation>
        </message>
        <message>
            <source>For this cohort only.</source>
            <translation>仅限该人群。</translation>
        </message>
        <message>
            <source>Frequency</source>
            <translation>频次</translation>
        </message>
        <message>
            <source>Give the cohort: 暴露人员, 密切接触者, 处置人员 or 康复患者.</source>
            <translation>请填写人群类别：暴露人员、密切接触者、处置人员或康复患者。</translation>
        </message>
        <message>
            <source>Give the person's ID number.</source>
            <translation>请填写身份证号。</translation>
        </message>
        <message>
            <source>Give the site's place (an address or a description).</source>
            <translation>请填写采样点地点（地址或描述）。</translation>
        </message>
        <message>
            <source>Handled ones too.</source>
            <translation>包括已处理的。</translation>
        </message>
        <message>
            <source>Highest normal value (numbers).</source>
            <translation>正常值上限（数值）。</translation>
        </message>
        <message>
            <source>How exposed (直接接触, 同住, …).</source>
            <translation>暴露方式（直接接触、同住等）。</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>身份证号</translation>
        </message>
        <message>
            <source>Import a cohort list or results from an .xlsx file.</source>
            <translation>从 .xlsx 文件导入人员名单或监测结果。</translation>
        </message>
        <message>
            <source>Imported {rows} rows.</source>
            <translation>已导入 {rows} 行。</translation>
        </message>
        <message>
            <source>Last day (default today).</source>
            <translation>结束日期（默认今天）。</translation>
        </message>
        <message>
            <source>Last day of the period.</source>
            <translation>统计期截止日。</translation>
        </message>
        <message>
            <source>Latitude (optional).</source>
            <translation>纬度（可选）。</translation>
        </message>
        <message>
            <source>Long-term monitoring (长期监测): cohorts, sites, schedules, results.</source>
            <translation>长期监测：人群、采样点、监测计划、结果。</translation>
        </message>
        <message>
            <source>Longitude (optional).</source>
            <translation>经度（可选）。</translation>
        </message>
        <message>
            <source>Lowest normal value (numbers).</source>
            <translation>正常值下限（数值）。</translation>
        </message>
        <message>
            <source>Name what is measured (体温, 症状, 水样检测, …).</source>
            <translation>请填写监测项目（体温、症状、水样检测等）。</translation>
        </message>
        <message>
            <source>Name.</source>
            <translation>姓名。</translation>
        </message>
        <message>
            <source>No abnormal result {ref}.</source>
            <translation>没有异常结果 {ref}。</translation>
        </message>
        <message>
            <source>No check {check}: not a day of that schedule for that subject.</source>
            <translation>没有待检项 {check}：该日不是该对象在此监测计划中的检测日。</translation>
        </message>
        <message>
            <source>No checks due.</source>
            <translation>没有到期的检测。</translation>
        </message>
        <message>
            <source>No monitoring schedule {ref}.</source>
            <translation>没有监测计划 {ref}。</translation>
        </message>
        <message>
            <source>No one is followed for this incident yet.</source>
            <translation>该事件尚无监测人员。</translation>
        </message>
        <message>
            <source>No open alerts.</source>
            <translation>没有未处理的预警。</translation>
        </message>
        <message>
            <source>No person {ref} in the monitoring.</source>
            <translation>监测中没有人员 {ref}。</translation>
        </message>
        <message>
            <source>No sampling site {ref}.</source>
            <translation>没有采样点 {ref}。</translation>
        </message>
        <message>
            <source>No sampling sites.</source>
            <translation>没有采样点。</translation>
        </message>
        <message>
            <source>No schedules.</source>
            <translation>没有监测计划。</translation>
        </message>
        <message>
            <source>Only this agency's checks (its code).</source>
            <translation>仅该单位的检测（单位代码）。</translation>
        </message>
        <message>
            <source>Only this cohort.</source>
            <translation>仅该人群。</translation>
        </message>
        <message>
            <source>Only this incident's checks.</source>
            <translation>仅该事件的检测。</translation>
        </message>
        <message>
            <source>Only this incident's.</source>
            <translation>仅该事件的。</translation>
        </message>
        <message>
            <source>Person added (id {id}).</source>
            <translation>已添加人员（id {id}）。</translation>
        </message>
        <message>
            <source>Phone.</source>
            <translation>电话。</translation>
        </message>
        <message>
            <source>Recommendation recorded.</source>
            <translation>已记录建议。</translation>
        </message>
        <message>
            <source>Record the analyst's recommendation.</source>
            <translation>记录分析人员的建议。</translation>
        </message>
        <message>
            <source>Record the result of a check.</source>
            <translation>登记一次检测的结果。</translation>
        </message>
        <message>
            <source>Resident ID number (18).</source>
            <translation>居民身份证号（18 位）。</translation>
        </message>
        <message>
            <source>Responsible agency (default 市卫生健康委, or the site's).</source>
            <translation>责任单位（默认市卫生健康委，采样点计划默认为采样点的责任单位）。</translation>
        </message>
        <message>
            <source>Responsible agency (default 市生态环境局).</source>
            <translation>责任单位（默认市生态环境局）。</translation>
        </message>
        <message>
            <source>Result recorded.</source>
            <translation>已登记结果。</translation>
        </message>
        <message>
            <source>Say what was done about the abnormal result.</source>
            <translation>请填写对异常结果的处理情况。</translation>
        </message>
        <message>
            <source>Say where the person was referred or how contact was lost.</source>
            <translation>请说明转诊去向或失访经过。</translation>
        </message>
        <message>
            <source>Say why the ID numbers and phones are to be shown unmasked (it is recorded).</source>
            <translation>请说明显示完整身份证号和电话的原因（将被记录）。</translation>
        </message>
        <message>
            <source>Say why the monitoring ends early.</source>
            <translation>请说明提前结束监测的原因。</translation>
        </message>
        <message>
            <source>Schedule added (id {id}).</source>
            <translation>已添加监测计划（id {id}）。</translation>
        </message>
        <message>
            <source>Schedule ended on {date}.</source>
            <translation>监测计划已于 {date} 结束。</translation>
        </message>
        <message>
            <source>Show ID numbers and phones unmasked (needs --reason).</source>
            <translation>显示完整身份证号和电话（须填写 --reason）。</translation>
        </message>
        <message>
            <source>Site added (id {id}).</source>
            <translation>已添加采样点（id {id}）。</translation>
        </message>
        <message>
            <source>Site {ref} belongs to another incident.</source>
            <translation>采样点 {ref} 属于另一事件。</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>开始日期</translation>
        </message>
        <message>
            <source>The cohort checked.</source>
            <translation>检测的人群类别。</translation>
        </message>
        <message>
            <source>The day (default today).</source>
            <translation>日期（默认今天）。</translation>
        </message>
        <message>
            <source>The incident (its number or id).</source>
            <translation>事件（编号或 id）。</translation>
        </message>
        <message>
            <source>The monitoring summary report (PDF).</source>
            <translation>长期监测总结报告（PDF）。</translation>
        </message>
        <message>
            <source>The normal range's low end is above its high end.</source>
            <translation>正常值范围的下限高于上限。</translation>
        </message>
        <message>
            <source>The people followed for an incident (masked).</source>
            <translation>事件的监测人员（脱敏显示）。</translation>
        </message>
        <message>
            <source>The recommendation.</source>
            <translation>建议内容。</translation>
        </message>
        <message>
            <source>The result is abnormal.</source>
            <translation>结果异常。</translation>
        </message>
        <message>
            <source>The site checked (its id, or its first or last 8 characters).</source>
            <translation>检测的采样点（id，或其前 8 位或后 8 位）。</translation>
        </message>
        <message>
            <source>The value measured or observed.</source>
            <translation>测得或观察到的结果。</translation>
        </message>
        <message>
            <source>This schedule ended on {date}.</source>
            <translation>该监测计划已于 {date} 结束。</translation>
        </message>
        <message>
            <source>Unit of the value (℃, …).</source>
            <translation>结果单位（℃ 等）。</translation>
        </message>
        <message>
            <source>What is measured (体温, 症状, 水样检测, …).</source>
            <translation>监测项目（体温、症状、水样检测等）。</translation>
        </message>
        <message>
            <source>What was done (复查, 转诊, …).</source>
            <translation>处理情况（复查、转诊等）。</translation>
        </message>
        <message>
            <source>Why it ends.</source>
            <translation>结束原因。</translation>
        </message>
        <message>
            <source>Why personal data is shown (recorded).</source>
            <translation>显示个人信息的原因（将被记录）。</translation>
        </message>
        <message>
            <source>Write the recommendation.</source>
            <translation>请填写建议内容。</translation>
        </message>
        <message>
            <source>every {n} d for {m} d</source>
            <translation>每 {n} 天一次，共 {m} 天</translation>
        </message>
        <message>
            <source>{check} is not a check (e.g. 1a2b3c4d-5e6f7a8b-20261207, as `monitoring due` lists them).</source>
            <translation>{check} 不是待检项编号（例如 1a2b3c4d-5e6f7a8b-20261207，见 `monitoring due` 列表）。</translation>
        </message>
        <message>
            <source>{days} d overdue</source>
            <translation>逾期 {days} 天</translation>
        </message>
        <message>
            <source>{field} is a number of days from {low} to {high}.</source>
            <translation>{field} 须为 {low} 至 {high} 之间的天数。</translation>
        </message>
        <message>
            <source>{field}: {value} is not a coordinate from {low} to {high}.</source>
            <translation>{field}：{value} 不是 {low} 至 {high} 之间的坐标。</translation>
        </message>
        <message>
            <source>{name}: {status}.</source>
            <translation>{name}：{status}。</translation>
        </message>
        <message>
            <source>{ref} names several people; give more of the id.</source>
            <translation>{ref} 对应多人；请提供更完整的 id。</translation>
        </message>
        <message>
            <source>暴露人员, 密切接触者, 处置人员 or 康复患者.</source>
            <translation>暴露人员、密切接触者、处置人员或康复患者。</translation>
        </message>
        <message>
            <source>水体, 土壤, 空气, 物体表面, 动物 or 植物.</source>
            <translation>水体、土壤、空气、物体表面、动物或植物。</translation>
        </message>
        <message>
            <source>监测中, 已解除, 失访 or 转诊 (with a note).</source>
            <translation>监测中、已解除、失访或转诊（附备注）。</translation>
        </message>
        <message>
            <source>Required quantity</source>
            <translation>需求量</translation>
        </message>
        <message>
            <source>Import it again only if that is intended.</source>
            <translation>请仅在确需再次导入时重新导入。</translation>
        </message>
        <message>
            <source>It was imported {times} times in all.</source>
            <translation>此前共导入过 {times} 次。</translation>
        </message>
        <message>
            <source>{count} of the {total} rows of {file} were imported before, on {when} by {who} from {earlier}; nothing was imported this time.</source>
            <translation>{file} 的 {total} 行中有 {count} 行已于 {when} 由 {who} 从 {earlier} 导入过；本次未导入任何内容。</translation>
        </message>
        <message>
            <source>Add --again to import it all the same.</source>
            <translation>如确需再次导入，请加上 --again。</translation>
        </message>
        <message>
            <source>Import a file, or stock receipts, imported before (refused by default, saying when and by whom).</source>
            <translation>再次导入此前导入过的文件或入库记录（默认拒绝，并说明何时由谁导入过）。</translation>
        </message>
        <message>
            <source>{file} was imported before, on {when} by {who} ({rows} row(s)); nothing was imported this time.</source>
            <translation>{file} 已于 {when} 由 {who} 导入过（{rows} 行）；本次未导入任何内容。</translation>
        </message>
        <message>
            <source>Those rows were in {times} earlier imports.</source>
            <translation>这些行此前共导入过 {times} 次。</translation>
        </message>
        <message>
            <source>specialty</source>
            <translation>专业领域</translation>
        </message>
        <message>
            <source>material category</source>
            <translation>物资类别</translation>
        </message>
        <message>
            <source>unit of measure</source>
            <translation>计量单位</translation>
        </message>
        <message>
            <source>Too many values in this column are unknown.</source>
            <translation>此列未知的值过多。</translation>
        </message>
        <message>
            <source>{value} is not a known {noun}; too many values of this column are unknown to add them: check that it is the right column.</source>
            <translation>“{value}”不是已知的{noun}；此列未知的值过多，无法添加：请检查是否填错了列。</translation>
        </message>
        <message>
            <source>At most {max} new values can be added to one vocabulary in one import.</source>
            <translation>一次导入最多可向一个词表添加 {max} 个新值。</translation>
        </message>
        <message>
            <source>An empty value cannot be added.</source>
            <translation>空值不能添加。</translation>
        </message>
        <message>
            <source>A {noun} has at most {max} characters.</source>
            <translation>{noun}最多 {max} 个字符。</translation>
        </message>
        <message>
            <source>A value added to a vocabulary begins with a letter or digit, holds at least one letter, and otherwise only letters, digits, spaces and ()·-.</source>
            <translation>添加到词表的值须以文字或数字开头、至少含一个文字，其余只能是文字、数字、空格和 ()·-.</translation>
        </message>
        <message>
            <source>nearest: {values}</source>
            <translation>最接近的有：{values}</translation>
        </message>
        <message>
            <source>known values: {values}</source>
            <translation>可用的值：{values}</translation>
        </message>
        <message>
            <source>{value} is not a known {noun} and cannot be added: {refusal} ({nearest})</source>
            <translation>“{value}”不是已知的{noun}，且不能添加：{refusal}（{nearest}）</translation>
        </message>
        <message>
            <source>{value} is not a known {noun} and resembles {similar}: write {similar}, or confirm that {value} is a {noun} of its own to add it.</source>
            <translation>“{value}”不是已知的{noun}，与“{similar}”相近：请改为“{similar}”，或确认“{value}”是另一个{noun}后再添加。</translation>
        </message>
        <message>
            <source>{value} is not a known {noun} ({nearest}). Write one of those, or add {value} to the vocabulary when importing.</source>
            <translation>“{value}”不是已知的{noun}（{nearest}）。请改为其中之一，或在导入时把“{value}”添加到词表。</translation>
        </message>
        <message>
            <source>The base unit that quantities count, one of the units listed below (usual spellings such as 付 for 副 or ml for 毫升 are read as the unit they mean).</source>
            <translation>数量所用的基本计量单位，取下表所列之一（常见写法如“付”作“副”、“ml”作“毫升”，按其所指的单位读取）。</translation>
        </message>
        <message>
            <source>The material category, by name or code (see the list below; usual other names such as 个人防护用品 are read as the category they mean).</source>
            <translation>物资类别，填名称或代码（见下表；常见的其他叫法如“个人防护用品”按其所指的类别读取）。</translation>
        </message>
        <message>
            <source>Units of measure</source>
            <translation>计量单位</translation>
        </message>
        <message>
            <source>Specialties, material categories and units are taken from their lists; usual other names are read as the value they mean (传染病学 as 临床感染病, 付 as 副). A value not in the list is refused with the nearest ones, unless you add it to the list when importing (the import dialog offers it; on the command line: --add-missing).</source>
            <translation>专业领域、物资类别和计量单位取自各自的列表；常见的其他叫法按其所指的值读取（如“传染病学”作“临床感染病”，“付”作“副”）。不在列表中的值会被拒绝并提示最接近的值，除非导入时将其添加到列表（导入对话框提供此选项；命令行用 --add-missing）。</translation>
        </message>
        <message>
            <source>Add the values their vocabularies lack (specialties, material categories, units) instead of refusing the rows naming them; the values added are listed. A value resembling a known one is not added (see --add-similar).</source>
            <translation>把词表中没有的值（专业领域、物资类别、计量单位）添加到词表，而不是拒绝含这些值的行；列出所添加的值。与已知值相近的值不会添加（见 --add-similar）。</translation>
        </message>
        <message>
            <source>Add VALUE to its vocabulary although it resembles a known value (repeat the option for several).</source>
            <translation>即使 VALUE 与已知值相近，也把它添加到词表（多个值可重复此选项）。</translation>
        </message>
        <message>
            <source>Added to the vocabularies: {values}.</source>
            <translation>已添加到词表：{values}。</translation>
        </message>
        <message>
            <source>{noun} “{value}”</source>
            <translation>{noun}“{value}”</translation>
        </message>
        <message>
            <source>Not in the vocabularies: {values}. Write known values instead, or add these with --add-missing.</source>
            <translation>词表中没有：{values}。请改用已知的值，或用 --add-missing 添加。</translation>
        </message>
        <message>
            <source>{value} resembles {similar}: to add {value} all the same, give --add-similar {value}.</source>
            <translation>“{value}”与“{similar}”相近：如仍要添加“{value}”，请加上 --add-similar {value}。</translation>
        </message>
        <message>
            <source>Order {number} is a draft: submit it first, then approve it.</source>
            <translation>调拨单 {number} 还是草稿：请先提交，再批准。</translation>
        </message>
        <message>
            <source>The city plan</source>
            <translation>实施方案</translation>
        </message>
        <message>
            <source>Regulation on Public Health Emergencies</source>
            <translation>《突发公共卫生事件应急条例》</translation>
        </message>
        <message>
            <source>Grading of the National Public Health Emergency Plan</source>
            <translation>《国家突发公共卫生事件应急预案》分级</translation>
        </message>
        <message>
            <source>Example (may be changed)</source>
            <translation>示例（可修改）</translation>
        </message>
        <message>
            <source>Local rule</source>
            <translation>本站规定</translation>
        </message>
        <message>
            <source>Source not stated</source>
            <translation>未注明</translation>
        </message>
        <message>
            <source>A plan clause is empty: write it as 三（六）二 (section, sub-section, item).</source>
            <translation>方案条款为空：请写成“三（六）二”的形式（部分、条、项）。</translation>
        </message>
        <message>
            <source>Deadline after activation</source>
            <translation>启动后时限</translation>
        </message>
        <message>
            <source>Material planning factors</source>
            <translation>物资测算参数</translation>
        </message>
        <message>
            <source>Minimum grade</source>
            <translation>适用起始级别</translation>
        </message>
        <message>
            <source>Not from the plan</source>
            <translation>非方案内容</translation>
        </message>
        <message>
            <source>Playbook {code}: {error} Correct it before approving.</source>
            <translation>预案 {code}：{error} 请改正后再批准。</translation>
        </message>
        <message>
            <source>Required specialties</source>
            <translation>所需专家</translation>
        </message>
        <message>
            <source>Response grades</source>
            <translation>响应级别</translation>
        </message>
        <message>
            <source>Section {section} of the plan has no sub-section （{sub}）: it has （一） to （{last}）.</source>
            <translation>方案第{section}部分没有第（{sub}）条：只有（一）至（{last}）。</translation>
        </message>
        <message>
            <source>Section {section} of the plan has no sub-sections: cite it as {section}.</source>
            <translation>方案第{section}部分不分条：请引作“{section}”。</translation>
        </message>
        <message>
            <source>Task {title}: {error} Correct it before approving.</source>
            <translation>任务“{title}”：{error} 请改正后再批准。</translation>
        </message>
        <message>
            <source>The corrected playbook {code} arrived retired: version {own} approved at this station stays in force. Compare them (版本对比) and make a new version from the correction to take it.</source>
            <translation>更正后的预案 {code} 以“已停用”状态载入：本站批准的第 {own} 版继续有效。请在“版本对比”中比较两者，如要采用更正内容，请从更正版本生成新版本。</translation>
        </message>
        <message>
            <source>The corrected playbook {code} shipped as version {shipped} is version {number} here: this station had made a version {shipped} of its own.</source>
            <translation>随软件提供的更正预案 {code} 第 {shipped} 版在本站编为第 {number} 版：本站此前已自行生成过第 {shipped} 版。</translation>
        </message>
        <message>
            <source>The plan has no section {section}: its sections are 一 to {last}.</source>
            <translation>方案没有第{section}部分：只有一至{last}部分。</translation>
        </message>
        <message>
            <source>{clause} (by analogy: {why})</source>
            <translation>{clause}（参照理由：{why}）</translation>
        </message>
        <message>
            <source>{clause} of the plan has no item {item}: its items are 一 to {last}.</source>
            <translation>方案{clause}没有第{item}项：只有一至{last}项。</translation>
        </message>
        <message>
            <source>{clause} of the plan has no numbered items (一是, 二是…): cite it as {clause}.</source>
            <translation>方案{clause}不分项（一是、二是……）：请引作“{clause}”。</translation>
        </message>
        <message>
            <source>{field}: a list of texts expected.</source>
            <translation>{field}：应为文本列表。</translation>
        </message>
        <message>
            <source>{field}: at most {count} characters of clauses.</source>
            <translation>{field}：条款最多 {count} 个字符。</translation>
        </message>
        <message>
            <source>{field}: at most {count} clauses.</source>
            <translation>{field}：最多 {count} 个条款。</translation>
        </message>
        <message>
            <source>{field}: text expected.</source>
            <translation>{field}：应为文本。</translation>
        </message>
        <message>
            <source>{ref} is not a clause of the plan: write section, sub-section and item as 三（六）二, or 三（六） for a whole sub-section.</source>
            <translation>“{ref}”不是方案的条款：请按部分、条、项写成“三（六）二”，整条则写“三（六）”。</translation>
        </message>
        <message>
            <source>{ref}… is not a clause of the plan: a clause is written as 三（六）二 (section, sub-section, item).</source>
            <translation>“{ref}……”不是方案的条款：条款应写成“三（六）二”（部分、条、项）。</translation>
        </message>
        <message>
            <source>{where}clause_note: a text of at most {count} characters expected.</source>
            <translation>{where}clause_note：应为不超过 {count} 个字符的文本。</translation>
        </message>
        <message>
            <source>{where}clause_note: say why the task applies {clauses} by analogy (参照): what the clause is written for, and why it fits here.</source>
            <translation>{where}clause_note：请说明本任务为何参照{clauses}：该条款原本针对什么情形，为何适用于此。</translation>
        </message>
        <message>
            <source>{where}quotes: a list of at most {count} phrases of the plan expected.</source>
            <translation>{where}quotes：应为不超过 {count} 条的方案原文列表。</translation>
        </message>
        <message>
            <source>{where}quotes: a task that quotes the plan cites the clause it quotes.</source>
            <translation>{where}quotes：引用方案原文的任务须注明所引条款。</translation>
        </message>
        <message>
            <source>{where}quotes[{n}]: “{quote}” is not the plan's text in {clauses}; quote the plan word for word, or cite the clause that says it.</source>
            <translation>{where}quotes[{n}]：“{quote}”不是方案{clauses}的原文；请逐字引用方案，或注明载有这句话的条款。</translation>
        </message>
        <message>
            <source>{where}sources.{field}: the plan sets no grades, hours, planning factors or specialties; say where the value comes from (example, local, …).</source>
            <translation>{where}sources.{field}：方案没有规定级别、时限、物资测算参数或所需专家；请注明该值的来源（example 示例、local 本站规定等）。</translation>
        </message>
        <message>
            <source>{where}sources.{field}: unknown source {source}; use one of {sources}.</source>
            <translation>{where}sources.{field}：未知来源 {source}；请使用以下之一：{sources}。</translation>
        </message>
        <message>
            <source>{where}sources: an object of field → source expected.</source>
            <translation>{where}sources：应为“字段 → 来源”的对象。</translation>
        </message>
        <message>
            <source>{where}sources: {field} has no source to state; use {fields}.</source>
            <translation>{where}sources：{field} 无需注明来源；可注明的字段：{fields}。</translation>
        </message>
        <message>
            <source>Other sources</source>
            <translation>其他来源</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>已期满</translation>
        </message>
        <message>
            <source>Every (days)</source>
            <translation>间隔天数</translation>
        </message>
        <message>
            <source>For (days)</source>
            <translation>持续天数</translation>
        </message>
        <message>
            <source>Give both coordinates (latitude and longitude) or none.</source>
            <translation>请同时填写经度和纬度，或都不填。</translation>
        </message>
        <message>
            <source>Highest normal value</source>
            <translation>正常值上限</translation>
        </message>
        <message>
            <source>It replaces the value recorded before ({value}).</source>
            <translation>已替换此前登记的结果（{value}）。</translation>
        </message>
        <message>
            <source>Latitude</source>
            <translation>纬度</translation>
        </message>
        <message>
            <source>Longitude</source>
            <translation>经度</translation>
        </message>
        <message>
            <source>Lowest normal value</source>
            <translation>正常值下限</translation>
        </message>
        <message>
            <source>This alert was closed already: {note}</source>
            <translation>该预警已处理：{note}</translation>
        </message>
        <message>
            <source>Under way</source>
            <translation>进行中</translation>
        </message>
        <message>
            <source>{ref} names several items; give more of the id.</source>
            <translation>{ref} 对应多个改进项；请提供更完整的 id。</translation>
        </message>
        <message>
            <source>{ref} names several schedules; give more of the id.</source>
            <translation>{ref} 对应多个监测计划；请提供更完整的 id。</translation>
        </message>
        <message>
            <source>{ref} names several sites; give more of the id.</source>
            <translation>{ref} 对应多个采样点；请提供更完整的 id。</translation>
        </message>
        <message>
            <source>“{value}” is not a number: {measure} has a normal range, so its results are numbers (for example 36.8).</source>
            <translation>“{value}”不是数值：{measure}设有正常值范围，结果须为数值（例如 36.8）。</translation>
        </message>
        <message>
            <source>Area affected, km²</source>
            <translation>影响面积（平方公里）</translation>
        </message>
        <message>
            <source>Expected duration in days</source>
            <translation>预计持续天数</translation>
        </message>
        <message>
            <source>People exposed</source>
            <translation>暴露人数</translation>
        </message>
        <message>
            <source>Usage:</source>
            <translation>用法：</translation>
        </message>
        <message>
            <source>Options</source>
            <translation>选项</translation>
        </message>
        <message>
            <source>Commands</source>
            <translation>命令</translation>
        </message>
        <message>
            <source>Positional arguments</source>
            <translation>位置参数</translation>
        </message>
        <message>
            <source>Show this message and exit.</source>
            <translation>显示本帮助并退出。</translation>
        </message>
        <message>
            <source>Show the version and exit.</source>
            <translation>显示版本并退出。</translation>
        </message>
        <message>
            <source>Try '{command} {option}' for help.</source>
            <translation>运行“{command} {option}”查看帮助。</translation>
        </message>
        <message>
            <source>No such option {name!r}.</source>
            <translation>没有 {name!r} 这个选项。</translation>
        </message>
        <message>
            <source>No such command {name!r}.</source>
            <translation>没有 {name!r} 这个命令。</translation>
        </message>
        <message>
            <source>Missing command.</source>
            <translation>缺少命令。</translation>
        </message>
        <message>
            <source>Missing option</source>
            <translation>缺少选项</translation>
        </message>
        <message>
            <source>Missing argument</source>
            <translation>缺少参数</translation>
        </message>
        <message>
            <source>Missing parameter</source>
            <translation>缺少参数</translation>
        </message>
        <message>
            <source>Missing parameter: {param_name}</source>
            <translation>缺少参数：{param_name}</translation>
        </message>
        <message>
            <source>Missing {param_type}</source>
            <translation>缺少{param_type}</translation>
        </message>
        <message>
            <source>Invalid value for {param_hint}: {message}</source>
            <translation>{param_hint} 的值无效：{message}</translation>
        </message>
        <message>
            <source>Invalid value: {message}</source>
            <translation>值无效：{message}</translation>
        </message>
        <message>
            <source>Option {name!r} does not take a value.</source>
            <translation>选项 {name!r} 不接受值。</translation>
        </message>
        <message>
            <source>Argument {name!r} takes {nargs} values.</source>
            <translation>参数 {name!r} 需要 {nargs} 个值。</translation>
        </message>
        <message>
            <source>Aborted!</source>
            <translation>已取消！</translation>
        </message>
        <message>
            <source>default: {default}</source>
            <translation>默认：{default}</translation>
        </message>
        <message>
            <source>env var: {var}</source>
            <translation>环境变量：{var}</translation>
        </message>
        <message>
            <source>(dynamic)</source>
            <translation>（动态）</translation>
        </message>
        <message>
            <source>{value} is not in the range {range}.</source>
            <translation>{value} 不在范围 {range} 内。</translation>
        </message>
        <message>
            <source>{value!r} is not a valid {number_type}.</source>
            <translation>{value!r} 不是有效的{number_type}。</translation>
        </message>
        <message>
            <source>{value!r} is not a valid boolean. Recognized values: {states}</source>
            <translation>{value!r} 不是有效的布尔值。可用的值：{states}</translation>
        </message>
        <message>
            <source>{value!r} is not a valid UUID.</source>
            <translation>{value!r} 不是有效的 UUID。</translation>
        </message>
        <message>
            <source>directory</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <source>path</source>
            <translation>路径</translation>
        </message>
        <message>
            <source>{name} {filename!r} does not exist.</source>
            <translation>{name} {filename!r} 不存在。</translation>
        </message>
        <message>
            <source>{name} {filename!r} is a file.</source>
            <translation>{name} {filename!r} 是文件。</translation>
        </message>
        <message>
            <source>{name} {filename!r} is a directory.</source>
            <translation>{name} {filename!r} 是文件夹。</translation>
        </message>
        <message>
            <source>{name} {filename!r} is not readable.</source>
            <translation>{name} {filename!r} 不可读。</translation>
        </message>
        <message>
            <source>{name} {filename!r} is not writable.</source>
            <translation>{name} {filename!r} 不可写。</translation>
        </message>
        <message>
            <source>Could not open file {filename!r}: {message}</source>
            <translation>无法打开文件 {filename!r}：{message}</translation>
        </message>
        <message>
            <source>unknown error</source>
            <translation>未知错误</translation>
        </message>
        <message>
            <source>Do you want to continue?</source>
            <translation>是否继续？</translation>
        </message>
        <message>
            <source>Confirm the action without prompting.</source>
            <translation>直接确认，不再询问。</translation>
        </message>
        <message>
            <source>Repeat for confirmation</source>
            <translation>再输入一次以确认</translation>
        </message>
        <message>
            <source>Error: The two entered values do not match.</source>
            <translation>错误：两次输入的值不一致。</translation>
        </message>
        <message>
            <source>Error: invalid input</source>
            <translation>错误：输入无效</translation>
        </message>
        <message>
            <source>Got unexpected extra argument ({args})</source>
            <translation>多余的参数（{args}）</translation>
        </message>
        <message>
            <source>Got unexpected extra arguments ({args})</source>
            <translation>多余的参数（{args}）</translation>
        </message>
        <message>
            <source>Option {name!r} requires an argument.</source>
            <translation>选项 {name!r} 需要一个值。</translation>
        </message>
        <message>
            <source>Option {name!r} requires {nargs} arguments.</source>
            <translation>选项 {name!r} 需要 {nargs} 个值。</translation>
        </message>
        <message>
            <source>Did you mean {possibility}?</source>
            <translation>您是否要用 {possibility}？</translation>
        </message>
        <message>
            <source>(Did you mean one of: {possibilities}?)</source>
            <translation>（您是否要用以下之一：{possibilities}？）</translation>
        </message>
        <message>
            <source>{value!r} is not {choice}.</source>
            <translation>{value!r} 不是 {choice}。</translation>
        </message>
        <message>
            <source>{value!r} is not one of {choices}.</source>
            <translation>{value!r} 不是 {choices} 之一。</translation>
        </message>
        <message>
            <source>{value!r} does not match the format {format}.</source>
            <translation>{value!r} 不符合格式 {format}。</translation>
        </message>
        <message>
            <source>{value!r} does not match the formats {formats}.</source>
            <translation>{value!r} 不符合格式 {formats} 中的任何一种。</translation>
        </message>
        <message>
            <source>Takes {nargs} values but 1 was given.</source>
            <translation>需要 {nargs} 个值，但只给了 1 个。</translation>
        </message>
        <message>
            <source>Takes {nargs} values but {len} were given.</source>
            <translation>需要 {nargs} 个值，但给了 {len} 个。</translation>
        </message>
        <message>
            <source>Language: zh_CN (the default) or en; $BIORESERVE_LANG does the same.</source>
            <translation>语言：zh_CN（默认）或 en；环境变量 BIORESERVE_LANG 作用相同。</translation>
        </message>
        <message>
            <source>Stock in</source>
            <translation>入库</translation>
        </message>
        <message>
            <source>Stock out</source>
            <translation>出库</translation>
        </message>
        <message>
            <source>Transfer out</source>
            <translation>调出</translation>
        </message>
        <message>
            <source>Transfer in</source>
            <translation>调入</translation>
        </message>
        <message>
            <source>Stock count</source>
            <translation>盘点</translation>
        </message>
        <message>
            <source>Write-off</source>
            <translation>报废</translation>
        </message>
        <message>
            <source>Unknown language “{lang}”: use en or zh_CN.</source>
            <translation>未知的语言“{lang}”：请用 en 或 zh_CN。</translation>
        </message>
        <message>
            <source>--lang needs a language: en or zh_CN.</source>
            <translation>--lang 需要指定语言：en 或 zh_CN。</translation>
        </message>
        <message>
            <source>Note: task “{task}” names {agencies}, which the clauses it cites do not name (a departure from the plan: say why in its note, or correct it).</source>
            <translation>提示：任务“{task}”列有 {agencies}，其所引条款并未列明这些单位（与方案不一致：请在备注中说明理由，或予以改正）。</translation>
        </message>
        <message>
            <source>{option} needs a value.</source>
            <translation>{option} 需要一个值。</translation>
        </message>
        <message>
            <source>Unknown argument(s): {args}. Use: {usage}</source>
            <translation>无法识别的参数：{args}。用法：{usage}</translation>
        </message>
        <message>
            <source>{file} is the same file as {earlier}, imported on {when} by {who} ({rows} row(s)); nothing was imported this time.</source>
            <translation>{file} 与 {earlier} 是同一个文件，后者已于 {when} 由 {who} 导入（{rows} 行）；本次没有导入任何内容。</translation>
        </message>
        <message>
            <source>integer</source>
            <translation>整数</translation>
        </message>
        <message>
            <source>number</source>
            <translation>数字</translation>
        </message>
        <message>
            <source>boolean</source>
            <translation>布尔值</translation>
        </message>
        <message>
            <source>date and time</source>
            <translation>日期时间</translation>
        </message>
        <message>
            <source>UUID</source>
            <translation>UUID</translation>
        </message>
        <message>
            <source>A depot keeper needs at least one depot (--depot CODE).</source>
            <translation>仓库管理员至少要绑定一个仓库（--depot 仓库代码）。</translation>
        </message>
        <message>
            <source>A member agency liaison needs an agency (--agency CODE).</source>
            <translation>成员单位联络员需要绑定一个成员单位（--agency 单位代码）。</translation>
        </message>
        <message>
            <source>An account name is 1 to 32 letters, digits, '.', '-' or '_' (no spaces): {name!r} is not one.</source>
            <translation>账户名为 1–32 个字母、数字、“.”、“-”或“_”（不含空格）：{name!r} 不符合要求。</translation>
        </message>
        <message>
            <source>An account named {name} exists already.</source>
            <translation>已有名为 {name} 的账户。</translation>
        </message>
        <message>
            <source>Audit event {seq} is missing.</source>
            <translation>缺少第 {seq} 条审计事件。</translation>
        </message>
        <message>
            <source>Audit event {seq} is not the one sealed on {at}: the audit log was rewritten or cut.</source>
            <translation>第 {seq} 条审计事件与 {at} 签封的不一致：审计日志被改写或截断。</translation>
        </message>
        <message>
            <source>Audit event {seq} was altered after it was recorded.</source>
            <translation>第 {seq} 条审计事件在记录后被篡改。</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>审计日志</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>数据</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>详情</translation>
        </message>
        <message>
            <source>No account named {name} at this station.</source>
            <translation>本站没有名为 {name} 的账户。</translation>
        </message>
        <message>
            <source>Only a depot keeper is bound to depots.</source>
            <translation>只有仓库管理员可绑定仓库。</translation>
        </message>
        <message>
            <source>Only a member agency liaison is bound to an agency.</source>
            <translation>只有成员单位联络员可绑定成员单位。</translation>
        </message>
        <message>
            <source>Operation {seq} of this station is not the one sealed on {at}: the log was rewritten or cut.</source>
            <translation>本站第 {seq} 号操作与 {at} 签封的不一致：操作日志被改写或截断。</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>记录</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Seal {n} is not signed by this station.</source>
            <translation>第 {n} 个签封不是本站签署的。</translation>
        </message>
        <message>
            <source>Table</source>
            <translation>数据表</translation>
        </message>
        <message>
            <source>The account {name} is disabled.</source>
            <translation>账户 {name} 已停用。</translation>
        </message>
        <message>
            <source>The account {name} is locked after {n} wrong passwords until {until}.</source>
            <translation>账户 {name} 因连续 {n} 次密码错误被锁定，至 {until} 解锁。</translation>
        </message>
        <message>
            <source>The current password is not right.</source>
            <translation>当前密码不正确。</translation>
        </message>
        <message>
            <source>The first account of a station is its administrator.</source>
            <translation>本站的第一个账户必须是系统管理员。</translation>
        </message>
        <message>
            <source>The idle time is 1 to {max} minutes.</source>
            <translation>空闲锁定时间为 1–{max} 分钟。</translation>
        </message>
        <message>
            <source>The password is empty.</source>
            <translation>密码为空。</translation>
        </message>
        <message>
            <source>The password is longer than {n} characters.</source>
            <translation>密码超过 {n} 个字符。</translation>
        </message>
        <message>
            <source>The password is shorter than {n} characters.</source>
            <translation>密码少于 {n} 个字符。</translation>
        </message>
        <message>
            <source>The password may not be the account's name.</source>
            <translation>密码不能与账户名相同。</translation>
        </message>
        <message>
            <source>The password needs at least two of: letters, digits, other characters.</source>
            <translation>密码须至少包含字母、数字、其他字符中的两类。</translation>
        </message>
        <message>
            <source>This database has no user accounts yet. Create its administrator first: in the desktop (it asks at the first start), or with `bioreserve user add --name admin --role admin --password-file FILE`.</source>
            <translation>该数据库尚无用户账户。请先创建系统管理员：在桌面程序中（首次启动时会询问），或运行 `bioreserve user add --name admin --role admin --password-file 文件`。</translation>
        </message>
        <message>
            <source>This station has accounts already: log in as its administrator.</source>
            <translation>本站已有账户：请以系统管理员身份登录。</translation>
        </message>
        <message>
            <source>Unknown role {role!r}; one of: {choices}</source>
            <translation>未知角色 {role!r}；可选：{choices}</translation>
        </message>
        <message>
            <source>User</source>
            <translation>用户</translation>
        </message>
        <message>
            <source>Wrong account name or password.</source>
            <translation>账户名或密码错误。</translation>
        </message>
        <message>
            <source>a keeper dispatches and receives orders; others make and approve them</source>
            <translation>仓库管理员负责调拨单的发运和接收，制单和审批由其他角色负责</translation>
        </message>
        <message>
            <source>account changed</source>
            <translation>账户变更</translation>
        </message>
        <message>
            <source>account locked</source>
            <translation>账户锁定</translation>
        </message>
        <message>
            <source>added</source>
            <translation>新增</translation>
        </message>
        <message>
            <source>administrative divisions</source>
            <translation>行政区划</translation>
        </message>
        <message>
            <source>allocation orders</source>
            <translation>调拨单</translation>
        </message>
        <message>
            <source>approve orders or playbook versions</source>
            <translation>审批调拨单或预案版本</translation>
        </message>
        <message>
            <source>audit log exported</source>
            <translation>导出审计日志</translation>
        </message>
        <message>
            <source>backup</source>
            <translation>备份</translation>
        </message>
        <message>
            <source>change the station's keys, trusted stations or security settings</source>
            <translation>修改本站密钥、信任站点或安全设置</translation>
        </message>
        <message>
            <source>change the station's settings</source>
            <translation>修改本站设置</translation>
        </message>
        <message>
            <source>changed</source>
            <translation>修改</translation>
        </message>
        <message>
            <source>deleted</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>drills</source>
            <translation>演练</translation>
        </message>
        <message>
            <source>exchange data with other stations</source>
            <translation>与其他站点交换数据</translation>
        </message>
        <message>
            <source>expert specialties</source>
            <translation>专家专业</translation>
        </message>
        <message>
            <source>export of personal data</source>
            <translation>导出个人信息</translation>
        </message>
        <message>
            <source>failed login</source>
            <translation>登录失败</translation>
        </message>
        <message>
            <source>idle lock</source>
            <translation>空闲锁定</translation>
        </message>
        <message>
            <source>incidents</source>
            <translation>事件</translation>
        </message>
        <message>
            <source>item categories</source>
            <translation>物资类别</translation>
        </message>
        <message>
            <source>items</source>
            <translation>物资</translation>
        </message>
        <message>
            <source>login</source>
            <translation>登录</translation>
        </message>
        <message>
            <source>logout</source>
            <translation>注销</translation>
        </message>
        <message>
            <source>long-term monitoring</source>
            <translation>长期监测</translation>
        </message>
        <message>
            <source>lots</source>
            <translation>批次</translation>
        </message>
        <message>
            <source>make or restore backups</source>
            <translation>备份或恢复数据库</translation>
        </message>
        <message>
            <source>manage user accounts</source>
            <translation>管理用户账户</translation>
        </message>
        <message>
            <source>member agencies</source>
            <translation>成员单位</translation>
        </message>
        <message>
            <source>not part of the role's work</source>
            <translation>不属于该角色的职责</translation>
        </message>
        <message>
            <source>only the checks the account's agency does</source>
            <translation>只能录入本单位负责的监测</translation>
        </message>
        <message>
            <source>only the depots the account keeps</source>
            <translation>只能操作本账户管理的仓库</translation>
        </message>
        <message>
            <source>only the tasks of the account's agency</source>
            <translation>只能处理本单位的任务</translation>
        </message>
        <message>
            <source>personal data shown</source>
            <translation>查看个人信息明文</translation>
        </message>
        <message>
            <source>plan or control drills</source>
            <translation>策划或导调演练</translation>
        </message>
        <message>
            <source>playbooks</source>
            <translation>预案</translation>
        </message>
        <message>
            <source>read or verify the audit log</source>
            <translation>查看或校验审计日志</translation>
        </message>
        <message>
            <source>reference data</source>
            <translation>基础数据</translation>
        </message>
        <message>
            <source>reserve norms</source>
            <translation>储备定额</translation>
        </message>
        <message>
            <source>restore</source>
            <translation>恢复</translation>
        </message>
        <message>
            <source>see or export ID numbers and phone numbers unmasked</source>
            <translation>查看或导出未脱敏的身份证号和电话号码</translation>
        </message>
        <message>
            <source>stock movements</source>
            <translation>库存出入库记录</translation>
        </message>
        <message>
            <source>tasks come from activating a playbook</source>
            <translation>任务来自预案启动</translation>
        </message>
        <message>
            <source>the expert roster</source>
            <translation>专家库</translation>
        </message>
        <message>
            <source>the role only reads</source>
            <translation>该角色只能查看</translation>
        </message>
        <message>
            <source>transfers</source>
            <translation>调拨</translation>
        </message>
        <message>
            <source>units of measure</source>
            <translation>计量单位</translation>
        </message>
        <message>
            <source>unlocked</source>
            <translation>解锁</translation>
        </message>
        <message>
            <source>user accounts</source>
            <translation>用户账户</translation>
        </message>
        <message>
            <source>{name} is the only administrator left; add another first.</source>
            <translation>{name} 是仅剩的系统管理员；请先添加另一名管理员。</translation>
        </message>
        <message>
            <source>{user} ({role}) may not change {what}: {why}.</source>
            <translation>{user}（{role}）无权修改{what}：{why}。</translation>
        </message>
        <message>
            <source>{user} ({role}) may not {action}.</source>
            <translation>{user}（{role}）无权{action}。</translation>
        </message>
        <message>
            <source>大事记 entries are only added</source>
            <translation>大事记只能新增，不能修改</translation>
        </message>
        <message>
            <source>BACKUP-FILE</source>
            <translation>备份文件</translation>
        </message>
        <message>
            <source>Cannot restore from {backup}: {reason}</source>
            <translation>无法从 {backup} 恢复：{reason}</translation>
        </message>
        <message>
            <source>Cannot restore {path}: {reason}</source>
            <translation>无法恢复 {path}：{reason}</translation>
        </message>
        <message>
            <source>Cannot write the backup {file}: {reason}</source>
            <translation>无法写入备份 {file}：{reason}</translation>
        </message>
        <message>
            <source>No backup file at {path}.</source>
            <translation>{path} 处没有备份文件。</translation>
        </message>
        <message>
            <source>Not enough free disk space in {folder} for a backup of {path}. Free some space and try again.</source>
            <translation>{folder} 所在磁盘的剩余空间不足以备份 {path}。请释放一些空间后重试。</translation>
        </message>
        <message>
            <source>The backup of {path} failed its check ({problem}): the database is damaged. Nothing was written to {out}.</source>
            <translation>{path} 的备份未通过检查（{problem}）：数据库已损坏。未向 {out} 写入任何内容。</translation>
        </message>
        <message>
            <source>The backup of {path} failed its check ({problem}): the database is damaged. The damaged copy is {copy}.</source>
            <translation>{path} 的备份未通过检查（{problem}）：数据库已损坏。损坏的副本为 {copy}。</translation>
        </message>
        <message>
            <source>The database {path} is damaged or unreadable ({cause}), and no good backup of it was found.</source>
            <translation>数据库 {path} 不是本系统的数据库或已损坏、无法读取（{cause}），且未找到它的完好备份。</translation>
        </message>
        <message>
            <source>The database {path} is damaged or unreadable ({cause}). The newest good backup is {backup}, made {made} ({reason}).</source>
            <translation>数据库 {path} 不是本系统的数据库或已损坏、无法读取（{cause}）。最新的完好备份是 {backup}，制作于 {made}（{reason}）。</translation>
        </message>
        <message>
            <source>The database {path} is open in another BioReserve window or command. Close it and restore again; nothing was changed.</source>
            <translation>数据库 {path} 正在另一个本系统窗口或命令中打开。请关闭后再恢复；未做任何更改。</translation>
        </message>
        <message>
            <source>The folder {folder} does not exist.</source>
            <translation>文件夹 {folder} 不存在。</translation>
        </message>
        <message>
            <source>To restore it: bioreserve --db "{path}" restore "{backup}"</source>
            <translation>恢复方法：bioreserve --db "{path}" restore "{backup}"</translation>
        </message>
        <message>
            <source>before a bundle import</source>
            <translation>同步包导入前</translation>
        </message>
        <message>
            <source>before a restore</source>
            <translation>恢复前</translation>
        </message>
        <message>
            <source>before a schema upgrade</source>
            <translation>数据库结构升级前</translation>
        </message>
        <message>
            <source>before a spreadsheet import</source>
            <translation>表格导入前</translation>
        </message>
        <message>
            <source>daily</source>
            <translation>每日</translation>
        </message>
        <message>
            <source>manual</source>
            <translation>手动</translation>
        </message>
        <message>
            <source>not an SQLite database file</source>
            <translation>不是 SQLite 数据库文件</translation>
        </message>
        <message>
            <source>the file is truncated ({size} bytes of {expected})</source>
            <translation>文件被截断（应为 {expected} 字节，实为 {size} 字节）</translation>
        </message>
        <message>
            <source>{backup} is a backup of the station {other} ({other_code}), not of {station} ({code}) whose database is {path}. Nothing was changed.</source>
            <translation>{backup} 是站点 {other}（{other_code}）的备份，不是数据库 {path} 所属站点 {station}（{code}）的备份。未做任何更改。</translation>
        </message>
        <message>
            <source>{out} exists already: name another file or delete it first.</source>
            <translation>{out} 已存在：请换一个文件名，或先删除它。</translation>
        </message>
        <message>
            <source>{out} is a folder: name a file for the backup.</source>
            <translation>{out} 是文件夹：请为备份指定一个文件。</translation>
        </message>
        <message>
            <source>{out} is the database itself: write the backup to another file.</source>
            <translation>{out} 就是数据库本身：请把备份写到另一个文件。</translation>
        </message>
        <message>
            <source>{path} is an SQLite file but not a BioReserve station's database.</source>
            <translation>{path} 是 SQLite 文件，但不是本系统站点的数据库。</translation>
        </message>
        <message>
            <source>{path} is empty: it is not a backup.</source>
            <translation>{path} 是空文件：不是备份。</translation>
        </message>
        <message>
            <source>{path} is not a usable backup: {problem}.</source>
            <translation>{path} 不是可用的备份：{problem}。</translation>
        </message>
        <message>
            <source>{path} is the database itself, not a backup of it.</source>
            <translation>{path} 就是数据库本身，不是它的备份。</translation>
        </message>
        <message>
            <source>{path} was made by a newer BioReserve (schema {found}, this program knows up to {known}).</source>
            <translation>{path} 由更新版本的本系统制作（数据库结构 {found}，本程序最高支持 {known}）。</translation>
        </message>
        <message>
            <source>Log in with `bioreserve login --user NAME`, or set {user} and {password} (scripts).</source>
            <translation>请用 `bioreserve login --user 账户名` 登录，或设置 {user} 和 {password}（用于脚本）。</translation>
        </message>
        <message>
            <source>The password file {path} is not a file.</source>
            <translation>密码文件 {path} 不是文件。</translation>
        </message>
        <message>
            <source>The password file {path} is larger than {n} bytes; it holds the password on its first line only.</source>
            <translation>密码文件 {path} 超过 {n} 字节；它只应在第一行写密码。</translation>
        </message>
        <message>
            <source>The password file {path} is empty (the password is its first line).</source>
            <translation>密码文件 {path} 为空（密码写在第一行）。</translation>
        </message>
        <message>
            <source>No terminal to ask for the password in: give it in a file ({option} FILE).</source>
            <translation>没有可输入密码的终端：请用文件提供（{option} 文件）。</translation>
        </message>
        <message>
            <source>Nobody is logged in to {path}.</source>
            <translation>{path} 没有已登录的账户。</translation>
        </message>
        <message>
            <source>The password file {path} does not exist.</source>
            <translation>密码文件 {path} 不存在。</translation>
        </message>
        <message>
            <source>The password file {path} cannot be read: {error}</source>
            <translation>无法读取密码文件 {path}：{error}</translation>
        </message>
        <message>
            <source>The password file {path} is not UTF-8 text.</source>
            <translation>密码文件 {path} 不是 UTF-8 文本。</translation>
        </message>
        <message>
            <source>The login to this database has ended: unused for more than {minutes} minutes, logged out, or its account disabled.</source>
            <translation>对该数据库的登录已结束：超过 {minutes} 分钟未使用、已退出登录，或账户已停用。</translation>
        </message>
        <message>
            <source>{user} is set but {password} is not: a script gives both.</source>
            <translation>设置了 {user} 却没有设置 {password}：脚本须同时设置两者。</translation>
        </message>
        <message>
            <source>Logged in to {path} as {who}.
The login holds until {until}, and each command keeps it {minutes} minutes longer; `bioreserve logout` ends it.</source>
            <translation>已以 {who} 身份登录 {path}。
登录有效至 {until}，每执行一条命令再延长 {minutes} 分钟；`bioreserve logout` 结束登录。</translation>
        </message>
        <message>
            <source>Log in to the database as an account, for the commands that follow.</source>
            <translation>以某个账户登录数据库，供其后的命令使用。</translation>
        </message>
        <message>
            <source>The account's name.</source>
            <translation>账户名。</translation>
        </message>
        <message>
            <source>End the login to the database (its token is deleted).</source>
            <translation>结束对数据库的登录（删除其令牌）。</translation>
        </message>
        <message>
            <source>Show the account the commands act as, and its role.</source>
            <translation>显示命令以哪个账户及角色执行。</translation>
        </message>
        <message>
            <source>agency {code}</source>
            <translation>单位 {code}</translation>
        </message>
        <message>
            <source>depots {codes}</source>
            <translation>仓库 {codes}</translation>
        </message>
        <message>
            <source>Password of {name}</source>
            <translation>{name} 的密码</translation>
        </message>
        <message>
            <source>Logged out {name}.</source>
            <translation>{name} 已退出登录。</translation>
        </message>
        <message>
            <source>Nobody was logged in to {path}.</source>
            <translation>{path} 原本没有已登录的账户。</translation>
        </message>
        <message>
            <source>Role: its code or Chinese name — admin 系统管理员, coordinator 应急协调员, keeper 仓库管理员 (with --depot), liaison 成员单位联络员 (with --agency), controller 演练导调员, viewer 只读.</source>
            <translation>角色：代码或中文名——admin 系统管理员、coordinator 应急协调员、keeper 仓库管理员（需 --depot）、liaison 成员单位联络员（需 --agency）、controller 演练导调员、viewer 只读。</translation>
        </message>
        <message>
            <source>This station's user accounts: add, list, disable, reset passwords.</source>
            <translation>本站用户账户：添加、列出、停用、重置密码。</translation>
        </message>
        <message>
            <source>Add an account with a role (bound to depots or an agency).</source>
            <translation>添加账户并指定角色（可绑定仓库或单位）。</translation>
        </message>
        <message>
            <source>Login name.</source>
            <translation>登录名。</translation>
        </message>
        <message>
            <source>A depot a keeper keeps (repeat for several).</source>
            <translation>仓库管理员负责的仓库（多个时重复此选项）。</translation>
        </message>
        <message>
            <source>The agency of a liaison.</source>
            <translation>联络员所属单位。</translation>
        </message>
        <message>
            <source>The person's full name.</source>
            <translation>使用人姓名。</translation>
        </message>
        <message>
            <source>A file whose first line is the password (else it is asked twice).</source>
            <translation>第一行为密码的文件（不提供则输入两次）。</translation>
        </message>
        <message>
            <source>List this station's accounts.</source>
            <translation>列出本站账户。</translation>
        </message>
        <message>
            <source>Disabled the account {name}.</source>
            <translation>已停用账户 {name}。</translation>
        </message>
        <message>
            <source>Disable an account: it can no longer log in.</source>
            <translation>停用账户：该账户不能再登录。</translation>
        </message>
        <message>
            <source>Enabled the account {name}.</source>
            <translation>已启用账户 {name}。</translation>
        </message>
        <message>
            <source>Enable a disabled account again.</source>
            <translation>重新启用已停用的账户。</translation>
        </message>
        <message>
            <source>New password of {name}</source>
            <translation>{name} 的新密码</translation>
        </message>
        <message>
            <source>Set the password of {name}.</source>
            <translation>已设置 {name} 的密码。</translation>
        </message>
        <message>
            <source>Set an account's password: your own (the current one is asked), or another's as its administrator (a reset, which also lifts a lockout).</source>
            <translation>设置账户密码：修改自己的（须输入当前密码），或由系统管理员重置他人的（同时解除锁定）。</translation>
        </message>
        <message>
            <source>A file whose first line is the new password (else it is asked twice).</source>
            <translation>第一行为新密码的文件（不提供则输入两次）。</translation>
        </message>
        <message>
            <source>Changed the account {who}.</source>
            <translation>已修改账户 {who}。</translation>
        </message>
        <message>
            <source>Change an account's role, full name, agency or depots.</source>
            <translation>修改账户的角色、姓名、单位或仓库。</translation>
        </message>
        <message>
            <source>A depot a keeper keeps (repeat for several; replaces the ones it had).</source>
            <translation>仓库管理员负责的仓库（多个时重复此选项；替换原有仓库）。</translation>
        </message>
        <message>
            <source>Added the account {who}.</source>
            <translation>已添加账户 {who}。</translation>
        </message>
        <message>
            <source>disabled</source>
            <translation>已停用</translation>
        </message>
        <message>
            <source>The first account of a station is its administrator (--role admin).</source>
            <translation>本站的第一个账户必须是系统管理员（--role admin）。</translation>
        </message>
        <message>
            <source>Current password</source>
            <translation>当前密码</translation>
        </message>
        <message>
            <source>Log in with `bioreserve login --user {name}`.</source>
            <translation>请用 `bioreserve login --user {name}` 登录。</translation>
        </message>
        <message>
            <source>locked until {until}</source>
            <translation>锁定至 {until}</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>The audit trail: verify it, list it, export it to xlsx.</source>
            <translation>审计日志：校验、列出、导出为 xlsx。</translation>
        </message>
        <message>
            <source>The audit trail holds: {operations} operations, {events} audit events and {seals} seals verified, nothing altered or removed.</source>
            <translation>审计日志完整：已校验 {operations} 条操作、{events} 条审计事件和 {seals} 个签封，无改动或删除。</translation>
        </message>
        <message>
            <source>Prove the operation logs and the audit log unaltered: every past operation and event still there as recorded, every seal signed by this station. Exit 1 naming what was changed.</source>
            <translation>校验操作日志和审计日志未被篡改：以往每条操作和事件均如记录时一样存在，每个签封均由本站签署。发现改动时列出并以退出码 1 结束。</translation>
        </message>
        <message>
            <source>No entries match.</source>
            <translation>没有符合条件的记录。</translation>
        </message>
        <message>
            <source>List the audit trail, newest first: operations and audit events.</source>
            <translation>列出审计日志（最新的在前）：操作和审计事件。</translation>
        </message>
        <message>
            <source>At most this many entries.</source>
            <translation>最多列出的条数。</translation>
        </message>
        <message>
            <source>Wrote {count} audit entries to {path}.</source>
            <translation>已将 {count} 条审计记录写入 {path}。</translation>
        </message>
        <message>
            <source>Write the audit trail (with the filters given) to an .xlsx file.</source>
            <translation>将审计日志（按给定条件筛选）写入 .xlsx 文件。</translation>
        </message>
        <message>
            <source>{count} finding(s): the audit trail was altered ({operations} operations, {events} audit events, {seals} seals checked).</source>
            <translation>发现 {count} 处问题：审计日志已被改动（已检查 {operations} 条操作、{events} 条审计事件、{seals} 个签封）。</translation>
        </message>
        <message>
            <source>--table: {table} is not a table of the operation log; one of: {tables}</source>
            <translation>--table：{table} 不是操作日志中的表；可选：{tables}</translation>
        </message>
        <message>
            <source>operation log</source>
            <translation>操作日志</translation>
        </message>
        <message>
            <source>audit log</source>
            <translation>审计日志</translation>
        </message>
        <message>
            <source>seal</source>
            <translation>签封</translation>
        </message>
        <message>
            <source>Only this user's entries.</source>
            <translation>只列该用户的记录。</translation>
        </message>
        <message>
            <source>Only entries by accounts of this agency.</source>
            <translation>只列该单位账户的记录。</translation>
        </message>
        <message>
            <source>Only operations on this table (e.g. stock_move); no events.</source>
            <translation>只列对该表的操作（如 stock_move），不含审计事件。</translation>
        </message>
        <message>
            <source>From this time or date on (e.g. 2026-03-01 or 2026-03-01 14:30).</source>
            <translation>自该时间或日期起（如 2026-03-01 或 2026-03-01 14:30）。</translation>
        </message>
        <message>
            <source>Up to this time, or to the end of this date.</source>
            <translation>截至该时间，或该日期结束。</translation>
        </message>
        <message>
            <source>Administrator: {name}. Log in with `bioreserve login --user {name}`.</source>
            <translation>系统管理员：{name}。请用 `bioreserve login --user {name}` 登录。</translation>
        </message>
        <message>
            <source>Demo logins (password {password}): {names}.</source>
            <translation>演示账户（密码 {password}）：{names}。</translation>
        </message>
        <message>
            <source>The administrator account's name (default: admin; a demo database without it has the demo logins).</source>
            <translation>系统管理员账户名（默认 admin；演示数据库不指定时使用演示账户）。</translation>
        </message>
        <message>
            <source>A file whose first line is the administrator's password (else it is asked twice).</source>
            <translation>第一行为系统管理员密码的文件（不提供则输入两次）。</translation>
        </message>
        <message>
            <source>Password of the administrator {name}</source>
            <translation>系统管理员 {name} 的密码</translation>
        </message>
        <message>
            <source>Idle time: {minutes} minutes.</source>
            <translation>空闲锁定时间：{minutes} 分钟。</translation>
        </message>
        <message>
            <source>Show or set the idle time: the desktop locks, and a `bioreserve login` ends, after this many minutes unused (1–480; 15 until set).</source>
            <translation>查看或设置空闲时间：超过该分钟数未使用，桌面程序锁定、`bioreserve login` 的登录结束（1–480；未设置时为 15）。</translation>
        </message>
        <message>
            <source>--out goes with `backup` alone, not with a subcommand.</source>
            <translation>--out 只能单独用于 `backup`，不能与子命令同用。</translation>
        </message>
        <message>
            <source>Automatic backups are kept {days} days.</source>
            <translation>自动备份保留 {days} 天。</translation>
        </message>
        <message>
            <source>Back the database up (a consistent copy, checked): to --out FILE, else into its backup folder. `backup list` lists the backups.</source>
            <translation>备份数据库（一致的副本，并经检查）：写到 --out 指定的文件，否则写入其备份文件夹。`backup list` 列出备份。</translation>
        </message>
        <message>
            <source>Check: no problems found.</source>
            <translation>检查：没有发现问题。</translation>
        </message>
        <message>
            <source>FAILED</source>
            <translation>未通过</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>List this database's backups, newest first.</source>
            <translation>列出本数据库的备份，最新的在前。</translation>
        </message>
        <message>
            <source>Made</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>No backups of {path} yet.</source>
            <translation>{path} 还没有备份。</translation>
        </message>
        <message>
            <source>Replace the database with a backup: the backup is checked first, the current file kept as a before-restore backup, then the restored database is checked.</source>
            <translation>用备份替换数据库：先检查备份，当前文件另存为“恢复前”备份，然后检查恢复后的数据库。</translation>
        </message>
        <message>
            <source>Replace {path} with the backup {backup} of {name} ({code})?</source>
            <translation>用 {name}（{code}）的备份 {backup} 替换 {path}？</translation>
        </message>
        <message>
            <source>Restore a backup of another station (its identity replaces this one's).</source>
            <translation>恢复其他站点的备份（其站点身份将取代本站的身份）。</translation>
        </message>
        <message>
            <source>Restored {path} from {backup}.</source>
            <translation>已从 {backup} 恢复 {path}。</translation>
        </message>
        <message>
            <source>Show or set how many days automatic backups are kept (1–3650, 30 until set); the newest good backup is always kept.</source>
            <translation>查看或设置自动备份保留的天数（1–3650，未设置时为 30）；最新的完好备份始终保留。</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>The replaced file is kept as {before}.</source>
            <translation>被替换的文件已保存为 {before}。</translation>
        </message>
        <message>
            <source>Write the backup to this file (it must not exist yet).</source>
            <translation>将备份写到此文件（该文件必须尚不存在）。</translation>
        </message>
        <message>
            <source>Wrote the backup {path} ({size}, checked).</source>
            <translation>已写入备份 {path}（{size}，已检查）。</translation>
        </message>
        <message>
            <source>ok</source>
            <translation>正常</translation>
        </message>
        <message>
            <source>a liaison records the progress of a task only</source>
            <translation>联络员只能登记任务的进展</translation>
        </message>
        <message>
            <source>A bundle for any station leaves out the expert roster and the monitoring cohorts; give --for an entitled station to send them.</source>
            <translation>发给任意站点的同步包不含专家库和监测人员名单；如需发送，请用 --for 指定有权接收的站点。</translation>
        </message>
        <message>
            <source>Bundles for {code} carry: {classes}.</source>
            <translation>发给 {code} 的同步包包含：{classes}。</translation>
        </message>
        <message>
            <source>Bundles for {code} leave out the expert roster and monitoring cohorts (`bioreserve sync entitle {code} --roster --monitoring` to send them).</source>
            <translation>发给 {code} 的同步包不含专家库和监测人员名单（如需发送，请运行 `bioreserve sync entitle {code} --roster --monitoring`）。</translation>
        </message>
        <message>
            <source>Choose which personal rows bundles for a trusted station carry: the expert roster and the monitoring cohorts (administrators).</source>
            <translation>设置发给某个受信站点的同步包包含哪些个人信息：专家库、监测人员名单（限系统管理员）。</translation>
        </message>
        <message>
            <source>Experts, their qualifications and dispatches, drill participants.</source>
            <translation>专家及其资质、派遣记录，演练参与人员。</translation>
        </message>
        <message>
            <source>Left out (the recipient is not entitled to them): {classes}.</source>
            <translation>未包含（接收站点无权接收）：{classes}。</translation>
        </message>
        <message>
            <source>Monitored persons (names, ID numbers, phones) and their results.</source>
            <translation>监测对象（姓名、身份证号、电话）及其监测结果。</translation>
        </message>
        <message>
            <source>Operation {ref} does not hash to the operation its station committed to (held here withheld): it was altered. Nothing was applied.</source>
            <translation>操作 {ref} 的哈希与其来源站点先前承诺的操作（本站仅保存其占位）不符：该操作被篡改。未应用任何操作。</translation>
        </message>
        <message>
            <source>Personal rows sent</source>
            <translation>发送的个人信息</translation>
        </message>
        <message>
            <source>Send this station personal rows of a class: roster (experts, their qualifications and dispatches, drill participants) or monitoring (monitored persons and their results). Repeat for both; without it the station gets none.</source>
            <translation>向该站点发送某类个人信息：roster（专家及其资质、派遣记录，演练参与人员）或 monitoring（监测对象及其结果）。两类都发送时重复此选项；不指定则不发送任何个人信息。</translation>
        </message>
        <message>
            <source>The key of station {code} is revoked; it is sent nothing.</source>
            <translation>站点 {code} 的密钥已被吊销，不向其发送任何内容。</translation>
        </message>
        <message>
            <source>The recipient is entitled to the expert roster and the monitoring cohorts.</source>
            <translation>接收站点有权接收专家库和监测人员名单。</translation>
        </message>
        <message>
            <source>Withheld operation {ref} is malformed. Nothing was applied.</source>
            <translation>占位操作 {ref} 格式错误。未应用任何操作。</translation>
        </message>
        <message>
            <source>expert roster</source>
            <translation>专家库</translation>
        </message>
        <message>
            <source>monitoring cohorts</source>
            <translation>监测人员名单</translation>
        </message>
        <message>
            <source>{count} operation(s) came withheld (personal rows of the expert roster or the monitoring cohorts that station does not send this one): their place in its chain is kept, their content never arrived.</source>
            <translation>{count} 条操作以占位形式收到（对方站点不向本站发送的专家库或监测人员个人信息）：本站保留其在哈希链中的位置，不含其内容。</translation>
        </message>
        <message>
            <source>{name} is not a class of personal rows; give roster or monitoring.</source>
            <translation>{name} 不是个人信息类别；请指定 roster 或 monitoring。</translation>
        </message>
        <message>
            <source>{path} leaves out operations of station {origin} after operations that station did not sign: they cannot be checked. Nothing was imported.</source>
            <translation>{path} 在站点 {origin} 未签名的操作之后略去了该站的操作：无法校验。未导入任何内容。</translation>
        </message>
        <message>
            <source>the expert roster and the monitoring cohorts</source>
            <translation>专家库和监测人员名单</translation>
        </message>
        <message>
            <source>It holds this station's records but no personal rows (the expert roster and the monitoring cohorts are left out: give --for a station entitled to them), signed but not encrypted: carry it to the other station and delete it there after the import.</source>
            <translation>它包含本站的记录，但不含个人信息（专家库和监测人员名单未包含：如需发送，请用 --for 指定有权接收的站点）；已签名但未加密：请带到对方站点，导入后在那里删除。</translation>
        </message>
        <message>
            <source>only the tasks the account's agency leads</source>
            <translation>只能处理本单位牵头的任务</translation>
        </message>
        <message>
            <source>only for incidents the account's agency leads or has a task in</source>
            <translation>只能用于本单位牵头或承担任务的事件</translation>
        </message>
        <message>
            <source>incident tasks</source>
            <translation>事件任务</translation>
        </message>
        <message>
            <source>the incident's 大事记</source>
            <translation>事件大事记</translation>
        </message>
        <message>
            <source>Wrong password. The account {name} is locked after {n} wrong passwords until {until}.</source>
            <translation>密码错误。账户 {name} 因连续 {n} 次密码错误被锁定，至 {until} 解锁。</translation>
        </message>
        <message>
            <source>Check result</source>
            <translation>检查结果</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <source>--since {since} is after --until {until}: no time is both.</source>
            <translation>--since {since} 晚于 --until {until}：没有同时满足两者的时间。</translation>
        </message>
        <message>
            <source>Account name</source>
            <translation>账户名</translation>
        </message>
        <message>
            <source>Added account {name} ({role})</source>
            <translation>新增账户 {name}（{role}）</translation>
        </message>
        <message>
            <source>Changed account {name}: role {role}</source>
            <translation>修改账户 {name}：角色 {role}</translation>
        </message>
        <message>
            <source>Changed the password of account {name}</source>
            <translation>修改账户 {name} 的密码</translation>
        </message>
        <message>
            <source>Disabled</source>
            <translation>已停用</translation>
        </message>
        <message>
            <source>Disabled account {name}</source>
            <translation>停用账户 {name}</translation>
        </message>
        <message>
            <source>Enabled account {name}</source>
            <translation>启用账户 {name}</translation>
        </message>
        <message>
            <source>File {file}; {reason}</source>
            <translation>文件 {file}；{reason}</translation>
        </message>
        <message>
            <source>From {file}</source>
            <translation>从 {file} 恢复</translation>
        </message>
        <message>
            <source>Locked until {until}, after {n} failed logins in a row</source>
            <translation>锁定至 {until}，连续失败 {n} 次</translation>
        </message>
        <message>
            <source>No agency {code}.</source>
            <translation>没有成员单位 {code}。</translation>
        </message>
        <message>
            <source>No data named {table}; one of: {names}</source>
            <translation>没有名为 {table} 的数据；可选：{names}</translation>
        </message>
        <message>
            <source>No user {name}: not an account of this station, nor the actor of any operation or event in its audit trail.</source>
            <translation>没有用户 {name}：既不是本站账户，也不是审计日志中任何操作或事件的执行者。</translation>
        </message>
        <message>
            <source>Only operations on this data, by the name the Data column shows (e.g. 库存出入库记录) or a table's code (stock_move); no events.</source>
            <translation>只列出对该数据的操作，按“数据”列显示的名称（如 库存出入库记录）或数据表代码（stock_move）；不含事件。</translation>
        </message>
        <message>
            <source>The expert roster: {rows} rows</source>
            <translation>专家库：{rows} 行</translation>
        </message>
        <message>
            <source>The people followed in {incident}: {rows} people, {results} results</source>
            <translation>{incident} 的追踪人员：{rows} 人，{results} 条结果</translation>
        </message>
        <message>
            <source>The people followed in {scope}, listed</source>
            <translation>列出 {scope} 的追踪人员</translation>
        </message>
        <message>
            <source>Via: {via}</source>
            <translation>方式：{via}</translation>
        </message>
        <message>
            <source>Via: {via}; reason: {reason}</source>
            <translation>方式：{via}；原因：{reason}</translation>
        </message>
        <message>
            <source>account disabled</source>
            <translation>已停用</translation>
        </message>
        <message>
            <source>command line</source>
            <translation>命令行</translation>
        </message>
        <message>
            <source>desktop</source>
            <translation>桌面</translation>
        </message>
        <message>
            <source>failed its check</source>
            <translation>未通过检查</translation>
        </message>
        <message>
            <source>file {file}</source>
            <translation>文件 {file}</translation>
        </message>
        <message>
            <source>idle</source>
            <translation>空闲超时</translation>
        </message>
        <message>
            <source>no filters</source>
            <translation>无筛选条件</translation>
        </message>
        <message>
            <source>no such account</source>
            <translation>账户不存在</translation>
        </message>
        <message>
            <source>reason: {reason}</source>
            <translation>原因：{reason}</translation>
        </message>
        <message>
            <source>script</source>
            <translation>脚本</translation>
        </message>
        <message>
            <source>switching account cancelled</source>
            <translation>切换账户已取消</translation>
        </message>
        <message>
            <source>the file before kept as {file}</source>
            <translation>原文件另存为 {file}</translation>
        </message>
        <message>
            <source>unlocking the window</source>
            <translation>解锁窗口</translation>
        </message>
        <message>
            <source>wrong password</source>
            <translation>密码错误</translation>
        </message>
        <message>
            <source>{name}: {value}</source>
            <translation>{name}：{value}</translation>
        </message>
        <message>
            <source>{n} problems found after</source>
            <translation>恢复后发现 {n} 个问题</translation>
        </message>
        <message>
            <source>{rows} rows</source>
            <translation>{rows} 行</translation>
        </message>
        <message>
            <source>{rows} rows; filters: {filters}</source>
            <translation>{rows} 行；筛选条件：{filters}</translation>
        </message>
        <message>
            <source>account already locked</source>
            <translation>已锁定</translation>
        </message>
        <message>
            <source>no such file or folder</source>
            <translation>文件或文件夹不存在</translation>
        </message>
        <message>
            <source>permission denied</source>
            <translation>没有权限</translation>
        </message>
        <message>
            <source>operation not permitted</source>
            <translation>不允许此操作</translation>
        </message>
        <message>
            <source>no space left on the disk</source>
            <translation>磁盘空间已满</translation>
        </message>
        <message>
            <source>the disk is read-only</source>
            <translation>磁盘为只读</translation>
        </message>
        <message>
            <source>it is a folder, not a file</source>
            <translation>这是文件夹，不是文件</translation>
        </message>
        <message>
            <source>a part of the path is not a folder</source>
            <translation>路径中有一部分不是文件夹</translation>
        </message>
        <message>
            <source>the file exists already</source>
            <translation>文件已存在</translation>
        </message>
        <message>
            <source>the file name is too long</source>
            <translation>文件名过长</translation>
        </message>
        <message>
            <source>it cannot be moved to another disk</source>
            <translation>不能移动到另一个磁盘</translation>
        </message>
        <message>
            <source>the file is in use</source>
            <translation>文件正被使用</translation>
        </message>
        <message>
            <source>the database file is damaged</source>
            <translation>数据库文件已损坏</translation>
        </message>
        <message>
            <source>the file is not a database or is damaged</source>
            <translation>该文件不是数据库或已损坏</translation>
        </message>
        <message>
            <source>the disk could not be read or written</source>
            <translation>磁盘无法读写</translation>
        </message>
        <message>
            <source>the database is read-only</source>
            <translation>数据库为只读</translation>
        </message>
        <message>
            <source>the database file cannot be opened</source>
            <translation>无法打开数据库文件</translation>
        </message>
        <message>
            <source>the database is in use by another program</source>
            <translation>数据库正被其他程序使用</translation>
        </message>
        <message>
            <source>the file is empty (0 bytes)</source>
            <translation>文件为空（0 字节）</translation>
        </message>
        <message>
            <source>Create the station in an empty file even though backups of an earlier database at that path exist (restore one instead, unless it is really gone for good).</source>
            <translation>即使该路径已有先前数据库的备份，仍在空文件中创建站点（除非原数据确已不再需要，否则请改为恢复备份）。</translation>
        </message>
        <message>
            <source>The database file {path} is empty (0 bytes): it holds no station, and no backup of it was found. If it was a station's database, restore a copy of it; to make a new station in it: bioreserve --db "{path}" init</source>
            <translation>数据库文件 {path} 为空（0 字节）：其中没有站点，也未找到它的备份。如果它原是某个站点的数据库，请恢复其副本；如要在其中新建站点：bioreserve --db "{path}" init</translation>
        </message>
        <message>
            <source>The database file {path} is missing or empty, and a write-ahead log {wal} of an earlier database lies beside it. Move the log (and {path}-shm) to another folder before creating or opening a database here, or restore a backup.</source>
            <translation>数据库文件 {path} 不存在或为空，而旁边有先前数据库留下的预写日志 {wal}。请先把该日志（以及 {path}-shm）移到其他文件夹，再在此创建或打开数据库；或者恢复备份。</translation>
        </message>
        <message>
            <source>The disk holding {path} could not be read or written. Check the disk (or the network folder) and try again.</source>
            <translation>{path} 所在的磁盘无法读写。请检查磁盘（或网络文件夹）后重试。</translation>
        </message>
        <message>
            <source>The login token {file} could be read by other users of this computer, so that login was ended. Log in again with `bioreserve login`.</source>
            <translation>登录令牌文件 {file} 可被本机其他用户读取，因此该次登录已结束。请用 `bioreserve login` 重新登录。</translation>
        </message>
        <message>
            <source>To create a new station in it all the same: bioreserve --db "{path}" init --force</source>
            <translation>如仍要在其中新建站点：bioreserve --db "{path}" init --force</translation>
        </message>
        <message>
            <source>the file is empty but a write-ahead log {wal} of an earlier database lies beside it; it is not replayed into the file</source>
            <translation>文件为空，但旁边有先前数据库留下的预写日志 {wal}；该日志不会写回此文件</translation>
        </message>
        <message>
            <source>{path} is empty, but it held a station: its backups are in {folder}. Restore it rather than creating a new station over it.</source>
            <translation>{path} 为空，但它曾保存一个站点：其备份在 {folder}。请恢复该站点，而不是在其上新建站点。</translation>
        </message>
        <message>
            <source>The figures kept in {table} for {key} are {have} but the data give {want}; run check --rebuild.</source>
            <translation>{table} 中 {key} 的统计值为 {have}，但按数据计算应为 {want}；请运行 check --rebuild。</translation>
        </message>
        <message>
            <source>A drill's sandbox loads no snapshot; nothing was loaded.</source>
            <translation>演练沙盒不能载入快照；未载入任何内容。</translation>
        </message>
        <message>
            <source>A drill's sandbox makes no snapshot; make it from the live database.</source>
            <translation>演练沙盒不能生成快照；请从正式数据库生成。</translation>
        </message>
        <message>
            <source>Code or origin of the new station.</source>
            <translation>新站点的代码或来源标识。</translation>
        </message>
        <message>
            <source>Load a snapshot into this new station (no operations of other stations yet); bundles then apply as usual.</source>
            <translation>将快照载入本新站点（尚无其他站点的操作）；之后照常应用同步包。</translation>
        </message>
        <message>
            <source>Loaded the snapshot of {code}: {rows} rows summarising {ops} operations in {seconds} s.</source>
            <translation>已载入 {code} 的快照：{rows} 行，汇总 {ops} 个操作，用时 {seconds} 秒。</translation>
        </message>
        <message>
            <source>Snapshot file to write.</source>
            <translation>要写入的快照文件。</translation>
        </message>
        <message>
            <source>The heads this station's chains continue from differ from the snapshot's.</source>
            <translation>本站点哈希链接续的链头与快照中的不一致。</translation>
        </message>
        <message>
            <source>The key of station {code} is revoked; no snapshot is made for it.</source>
            <translation>站点 {code} 的密钥已吊销；不为其生成快照。</translation>
        </message>
        <message>
            <source>The snapshot this station was loaded from no longer matches its signature.</source>
            <translation>本站点载入的快照已与其签名不符。</translation>
        </message>
        <message>
            <source>The summarised operations kept from the snapshot were altered.</source>
            <translation>快照保留的汇总操作已被改动。</translation>
        </message>
        <message>
            <source>This station already holds operations; a snapshot loads only into a new station (bioreserve init, then sync load-snapshot). Nothing was loaded.</source>
            <translation>本站点已有操作记录；快照只能载入新站点（先 bioreserve init，再 sync load-snapshot）。未载入任何内容。</translation>
        </message>
        <message>
            <source>Write a signed snapshot of this station's synced state for a new station's first synchronization (with --for: the personal rows that station is entitled to).</source>
            <translation>为新站点的首次同步写出本站点同步数据的签名快照（使用 --for：包含该站点有权获得的个人信息行）。</translation>
        </message>
        <message>
            <source>Wrote {path}: {rows} rows summarising {ops} operations, {size} MB in {seconds} s.</source>
            <translation>已写入 {path}：{rows} 行，汇总 {ops} 个操作，{size} MB，用时 {seconds} 秒。</translation>
        </message>
        <message>
            <source>compression ratio</source>
            <translation>压缩比</translation>
        </message>
        <message>
            <source>reference operations</source>
            <translation>参考数据操作</translation>
        </message>
        <message>
            <source>state</source>
            <translation>状态数据</translation>
        </message>
        <message>
            <source>the rows of {table}</source>
            <translation>{table} 的数据行</translation>
        </message>
        <message>
            <source>the state</source>
            <translation>状态数据</translation>
        </message>
        <message>
            <source>the state's size</source>
            <translation>状态数据的大小</translation>
        </message>
        <message>
            <source>the summarised operations</source>
            <translation>汇总的操作</translation>
        </message>
        <message>
            <source>the table {table}</source>
            <translation>表 {table}</translation>
        </message>
        <message>
            <source>{path} comes from station {code} ({origin}), whose key this station has not enrolled. Compare fingerprints and run `bioreserve sync trust` with its key file first; nothing was loaded.</source>
            <translation>{path} 来自站点 {code}（{origin}），本站点尚未登记其密钥。请先核对指纹，并用其密钥文件运行 `bioreserve sync trust`；未载入任何内容。</translation>
        </message>
        <message>
            <source>{path} comes from station {code}, whose key was revoked here.</source>
            <translation>{path} 来自站点 {code}，其密钥已在本站点吊销。</translation>
        </message>
        <message>
            <source>{path} is not a complete BioReserve snapshot (truncated or damaged); nothing was loaded.</source>
            <translation>{path} 不是完整的 BioReserve 快照（被截断或已损坏）；未载入任何内容。</translation>
        </message>
        <message>
            <source>{path} is refused: its {what} is larger than any snapshot BioReserve writes. Nothing was loaded.</source>
            <translation>已拒绝 {path}：其{what}大于 BioReserve 写出的任何快照。未载入任何内容。</translation>
        </message>
        <message>
            <source>{path} is tampered or not signed: its signature does not match the key of station {code}. Nothing was loaded.</source>
            <translation>{path} 已被篡改或未签名：其签名与站点 {code} 的密钥不符。未载入任何内容。</translation>
        </message>
        <message>
            <source>{path} is tampered: {what} does not match what its exporter signed. Nothing was loaded.</source>
            <translation>{path} 已被篡改：{what}与导出站点签名的内容不符。未载入任何内容。</translation>
        </message>
        <message>
            <source>{path} needs about {need} MB free on the disk ({free} MB are); nothing was loaded.</source>
            <translation>{path} 需要约 {need} MB 磁盘可用空间（现有 {free} MB）；未载入任何内容。</translation>
        </message>
        <message>
            <source>{path} was made by a BioReserve of another schema ({found}; this station has {known}): bring both to the same version first. Nothing was loaded.</source>
            <translation>{path} 由另一数据库结构版本的 BioReserve 生成（{found}；本站点为 {known}）：请先将两者升级到同一版本。未载入任何内容。</translation>
        </message>
        <message>
            <source>{path} was made by this station itself.</source>
            <translation>{path} 是本站点自己生成的。</translation>
        </message>
        <message>
            <source>{path} was made for another station; nothing was loaded.</source>
            <translation>{path} 是为其他站点生成的；未载入任何内容。</translation>
        </message>
        <message>
            <source>{path} was made with other reference data than this station holds (another BioReserve version); nothing was loaded.</source>
            <translation>{path} 所用的参考数据与本站点不同（另一 BioReserve 版本）；未载入任何内容。</translation>
        </message>
        <message>
            <source>{table}: the rows loaded from the snapshot differ from what its exporter signed (a row was changed, added or removed outside the write path).</source>
            <translation>{table}：从快照载入的数据行与导出站点签名的不符（有行在写入路径之外被修改、添加或删除）。</translation>
        </message>
        <message>
            <source>{table}: the rows loaded from the snapshot differ from what its exporter signed.</source>
            <translation>{table}：从快照载入的数据行与导出站点签名的不符。</translation>
        </message>
        <message>
            <source>--from-snapshot and --trust go together: give both.</source>
            <translation>--from-snapshot 与 --trust 须同时给出。</translation>
        </message>
        <message>
            <source>--from-snapshot makes a new station from its data; not with --demo or --force.</source>
            <translation>--from-snapshot 用快照数据新建站点，不能与 --demo 或 --force 同用。</translation>
        </message>
        <message>
            <source>Created {path} from the snapshot of {sender} ({ops} operations) in {seconds} s
Station: {name} ({code})
Key fingerprint: {fingerprint}
Administrator: {admin}. Log in with `bioreserve login --user {admin}`.</source>
            <translation>已用 {sender} 的快照（{ops} 个操作）创建 {path}，用时 {seconds} 秒
站点：{name}（{code}）
密钥指纹：{fingerprint}
管理员：{admin}。请用 `bioreserve login --user {admin}` 登录。</translation>
        </message>
        <message>
            <source>Make the station from a snapshot (bioreserve sync snapshot at another station): its data become this station's database file at once.</source>
            <translation>用快照（在另一站点用 bioreserve sync snapshot 生成）新建站点：其数据直接成为本站的数据库文件。</translation>
        </message>
        <message>
            <source>The fingerprint of {path} is {actual}, not {expected}: this is not the key the other station showed. Nothing was made.</source>
            <translation>{path} 的指纹是 {actual}，不是 {expected}：这不是对方站点出示的密钥。未创建任何内容。</translation>
        </message>
        <message>
            <source>With --from-snapshot: the key file of the station that made the snapshot.</source>
            <translation>与 --from-snapshot 同用：生成该快照的站点的密钥文件。</translation>
        </message>
        <message>
            <source>tables</source>
            <translation>数据表</translation>
        </message>
        <message>
            <source>{path} already exists; a station is made from a snapshot only in a new file. Choose another file with --db. Nothing was changed.</source>
            <translation>{path} 已存在；只能在新文件中用快照新建站点。请用 --db 选择其他文件。未做任何更改。</translation>
        </message>
        <message>
            <source>{path} comes from station {code} ({origin}), not from the station of the key file given ({key_code}). Nothing was loaded.</source>
            <translation>{path} 来自站点 {code}（{origin}），而不是所给密钥文件的站点（{key_code}）。未载入任何内容。</translation>
        </message>
        <message>
            <source>{path} was made by a BioReserve of another schema or other reference data ({why}): bring both to the same version first. Nothing was made.</source>
            <translation>{path} 由另一数据库结构或另一参考数据的 BioReserve 生成（{why}）：请先将两端升级到同一版本。未创建任何内容。</translation>
        </message>
        <message>
            <source>{path} was made for another station; a new station is made only from a snapshot made for any station (sync snapshot without --for). Nothing was made.</source>
            <translation>{path} 是为另一站点生成的；新站点只能用面向任意站点的快照创建（sync snapshot 不加 --for）。未创建任何内容。</translation>
        </message>
        <message>
            <source>A station pushes only its own bundles; this one is from another station.</source>
            <translation>站点只能推送自己的数据包；这个数据包来自另一个站点。</translation>
        </message>
        <message>
            <source>Days the hub keeps a bundle (0: for ever).</source>
            <translation>中转站保留数据包的天数（0：永久保留）。</translation>
        </message>
        <message>
            <source>Megabytes of bundles one station may hold on the hub (0: no quota).</source>
            <translation>每个站点在中转站上最多可存放的数据包大小，单位 MB（0：不限额）。</translation>
        </message>
        <message>
            <source>Requests served at the same time.</source>
            <translation>同时处理的请求数。</translation>
        </message>
        <message>
            <source>Run a hub that relays signed bundles between stations over HTTP (stop with Ctrl+C). The hub is not a station and needs no keys: stations verify every bundle.</source>
            <translation>运行一个通过 HTTP 在站点之间转发已签名数据包的中转站（按 Ctrl+C 停止）。中转站不是站点，不需要密钥：每个数据包都由站点自行验证。</translation>
        </message>
        <message>
            <source>Station {sender} already holds {held} MB on this hub and may hold at most {quota} MB; the hub keeps bundles for a limited time, push again later or ask the hub's administrator to raise the quota (--quota-mb).</source>
            <translation>站点 {sender} 在此中转站上已存放 {held} MB，最多可存放 {quota} MB；中转站只保留数据包一段时间，请稍后再推送，或请中转站管理员提高限额（--quota-mb）。</translation>
        </message>
        <message>
            <source>The hub store {path} was written by a newer BioReserve (version {version}); update this program.</source>
            <translation>中转站存储 {path} 由较新版本的 BioReserve 写入（版本 {version}）；请更新本程序。</translation>
        </message>
        <message>
            <source>The hub's store is full: {reason}</source>
            <translation>中转站的存储已满：{reason}</translation>
        </message>
        <message>
            <source>The request's address is too long.</source>
            <translation>请求的地址过长。</translation>
        </message>
        <message>
            <source>This build of BioReserve cannot authenticate stations, so it serves no hub (a hub must not hand bundles to anyone who reaches its port).</source>
            <translation>此版本的 BioReserve 无法验证站点身份，因此不提供中转站服务（中转站不得把数据包交给任何能连上其端口的人）。</translation>
        </message>
        <message>
            <source>This hub serves only the stations enrolled with it.</source>
            <translation>此中转站只为在其登记的站点服务。</translation>
        </message>
        <message>
            <source>Where the hub keeps the bundles: a SQLite file (default: hub.db in the user data folder) or a PostgreSQL address, postgresql://user@host/database.</source>
            <translation>中转站存放数据包的位置：SQLite 文件（默认：用户数据文件夹中的 hub.db）或 PostgreSQL 地址，postgresql://用户@主机/数据库。</translation>
        </message>
        <message>
            <source>{path}: {reason}</source>
            <translation>{path}：{reason}</translation>
        </message>
        <message>
            <source>Ask the hub's administrator to enrol this station (`bioreserve sync hub enrol` with the file `bioreserve sync export-key` writes), and check that this computer's clock is right (within 5 minutes).</source>
            <translation>请中转站管理员登记本站（用 `bioreserve sync export-key` 导出的文件执行 `bioreserve sync hub enrol`），并检查本机时钟是否准确（误差不超过 5 分钟）。</translation>
        </message>
        <message>
            <source>Cannot read the certificate authority file {path}: {reason}</source>
            <translation>无法读取证书颁发机构文件 {path}：{reason}</translation>
        </message>
        <message>
            <source>Certificate authority file that signed an https hub's certificate (a private CA); default: $BIORESERVE_HUB_CA, else the system's certificate authorities.</source>
            <translation>签发 https 中转站证书的证书颁发机构文件（私有 CA）；默认：$BIORESERVE_HUB_CA，否则使用系统的证书颁发机构。</translation>
        </message>
        <message>
            <source>Division-code prefix of the station (e.g. 4304 for a city, 430421 for a county): it receives the bundles for all stations only from stations of an overlapping scope. Default: every station's.</source>
            <translation>站点的行政区划代码前缀（如市级 4304、县级 430421）：发给所有站点的数据包，只有范围重叠的站点发出的才会转给它。默认：接收所有站点的。</translation>
        </message>
        <message>
            <source>Enrol and revoke the stations a hub serves.</source>
            <translation>登记和吊销中转站服务的站点。</translation>
        </message>
        <message>
            <source>Enrolled</source>
            <translation>登记时间</translation>
        </message>
        <message>
            <source>Enrolled {name} ({code}, origin {origin}) with the hub at {store}.
Key fingerprint: {fingerprint}
Compare it with the one the station shows (`bioreserve sync identity`); if they differ, revoke it at once.</source>
            <translation>已在中转站 {store} 登记 {name}（{code}，来源标识 {origin}）。
密钥指纹：{fingerprint}
请与该站显示的指纹（`bioreserve sync identity`）核对；如不一致，请立即吊销。</translation>
        </message>
        <message>
            <source>Let a station use the hub: KEYFILE is the file `bioreserve sync export-key` wrote at that station. Compare the fingerprint shown with the one the station shows.</source>
            <translation>允许一个站点使用中转站：KEYFILE 是该站用 `bioreserve sync export-key` 导出的文件。请将显示的指纹与该站显示的指纹核对。</translation>
        </message>
        <message>
            <source>List the stations enrolled with a hub.</source>
            <translation>列出在中转站登记的站点。</translation>
        </message>
        <message>
            <source>No station called {station} is enrolled with this hub. `bioreserve sync hub stations` lists them.</source>
            <translation>本中转站没有登记名为 {station} 的站点。`bioreserve sync hub stations` 可列出已登记站点。</translation>
        </message>
        <message>
            <source>No stations are enrolled with this hub yet.</source>
            <translation>本中转站尚未登记任何站点。</translation>
        </message>
        <message>
            <source>Revoked {name} ({code}): the hub refuses its requests.</source>
            <translation>已吊销 {name}（{code}）：中转站将拒绝其请求。</translation>
        </message>
        <message>
            <source>Run a hub that relays signed bundles between the stations enrolled with it (`sync hub enrol`) over HTTP (stop with Ctrl+C). It answers only requests those stations sign; the hub itself needs no keys, and stations verify every bundle.</source>
            <translation>运行中转站，通过 HTTP 在已登记的站点（`sync hub enrol`）之间转发签名数据包（按 Ctrl+C 停止）。它只响应这些站点签名的请求；中转站本身不需要密钥，每个数据包都由站点自行验证。</translation>
        </message>
        <message>
            <source>Scope</source>
            <translation>范围</translation>
        </message>
        <message>
            <source>Scope: all stations.</source>
            <translation>范围：所有站点。</translation>
        </message>
        <message>
            <source>Scope: {scope} (bundles for all stations from overlapping scopes).</source>
            <translation>范围：{scope}（接收范围重叠的站点发给所有站点的数据包）。</translation>
        </message>
        <message>
            <source>Stop serving a station (its code or origin): its requests are refused from now.</source>
            <translation>停止为一个站点（编码或来源标识）服务：从现在起拒绝其请求。</translation>
        </message>
        <message>
            <source>The certificate of the hub at {url} cannot be verified: {reason}. If the hub uses a private certificate authority, give its certificate with --ca-file or BIORESERVE_HUB_CA.</source>
            <translation>无法验证中转站 {url} 的证书：{reason}。如中转站使用私有证书颁发机构，请用 --ca-file 或 BIORESERVE_HUB_CA 指定其证书。</translation>
        </message>
        <message>
            <source>The hub's store: a SQLite file (default: hub.db in the user data folder, as `sync serve` uses) or a PostgreSQL address, postgresql://user@host/database.</source>
            <translation>中转站的存储：SQLite 文件（默认：用户数据文件夹中的 hub.db，与 `sync serve` 相同）或 PostgreSQL 地址 postgresql://user@host/database。</translation>
        </message>
        <message>
            <source>The scope “{scope}” is not a division-code prefix: give 1 to 12 digits (e.g. 4304 for a city, 430421 for a county), or none for all stations.</source>
            <translation>范围“{scope}”不是行政区划代码前缀：请给出 1 到 12 位数字（如市级 4304、县级 430421），或不填表示所有站点。</translation>
        </message>
        <message>
            <source>all</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>enrolled</source>
            <translation>已登记</translation>
        </message>
        <message>
            <source>{url} is not an https address, so no certificate can be checked against {ca_file}; give the hub's https address.</source>
            <translation>{url} 不是 https 地址，无法用 {ca_file} 核对证书；请给出中转站的 https 地址。</translation>
        </message>
        <message>
            <source>Enrolled {name} ({code}, origin {origin}) again with the hub at {store} (first enrolled {since}).</source>
            <translation>已在中转站 {store} 重新登记 {name}（{code}，来源标识 {origin}）（首次登记于 {since}）。</translation>
        </message>
        <message>
            <source>Enrolled {name} ({code}, origin {origin}) with the hub at {store}.</source>
            <translation>已在中转站 {store} 登记 {name}（{code}，来源标识 {origin}）。</translation>
        </message>
        <message>
            <source>Its key changed (was {fingerprint}).</source>
            <translation>其密钥已更换（原为 {fingerprint}）。</translation>
        </message>
        <message>
            <source>Its revocation is lifted: the hub serves it again.</source>
            <translation>已解除吊销：中转站重新为其服务。</translation>
        </message>
        <message>
            <source>Key fingerprint: {fingerprint}
Compare it with the one the station shows (`bioreserve sync identity`); if they differ, revoke it at once.</source>
            <translation>密钥指纹：{fingerprint}
请与该站显示的指纹（`bioreserve sync identity`）核对；如不一致，请立即吊销。</translation>
        </message>
        <message>
            <source>Let a station use the hub: KEYFILE is the file `bioreserve sync export-key` wrote at that station. Compare the fingerprint shown with the one the station shows. Enrolling a station again replaces its key, name and scope and lifts a revocation.</source>
            <translation>允许一个站点使用中转站：KEYFILE 是该站用 `bioreserve sync export-key` 导出的文件。请将显示的指纹与该站显示的指纹核对。再次登记同一站点会替换其密钥、名称和范围，并解除吊销。</translation>
        </message>
        <message>
            <source>Scope changed: {before} → {after}.</source>
            <translation>范围已更改：{before} → {after}。</translation>
        </message>
        <message>
            <source>Stop serving a station (its code or origin): its requests are refused from now. Revoking a station revoked already changes nothing, says so and exits 0.</source>
            <translation>停止为一个站点（编码或来源标识）服务：从现在起拒绝其请求。吊销已被吊销的站点不作任何改动，会说明这一点并以 0 退出。</translation>
        </message>
        <message>
            <source>The folder {folder} does not exist: check the store's path (the hub creates its file, never its folder).</source>
            <translation>文件夹 {folder} 不存在：请检查存储路径（中转站只创建存储文件，不创建文件夹）。</translation>
        </message>
        <message>
            <source>The hub at {url} did not answer as an https server: perhaps it serves http (try the http:// address) or another program listens on that port.</source>
            <translation>{url} 处的中转站没有以 https 方式应答：它可能提供的是 http（请试用 http:// 地址），或该端口上运行的是其他程序。</translation>
        </message>
        <message>
            <source>The hub cannot listen on {host}: {reason}. Give an address of this computer (e.g. 0.0.0.0 for every network, or its LAN address).</source>
            <translation>中转站无法在 {host} 上监听：{reason}。请给出本机的地址（如 0.0.0.0 表示所有网络，或本机的局域网地址）。</translation>
        </message>
        <message>
            <source>The port {port} of {url} is not a port number from 1 to 65535.</source>
            <translation>{url} 中的端口 {port} 不是 1 到 65535 之间的端口号。</translation>
        </message>
        <message>
            <source>The scope “{scope}” does not begin with a province's division code (11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81 or 82).</source>
            <translation>范围“{scope}”不是以省级行政区划代码开头（11–15、21–23、31–37、41–46、50–54、61–65、71、81 或 82）。</translation>
        </message>
        <message>
            <source>There is no hub store at {path}: check the path (`bioreserve sync hub enrol` or `sync serve` creates one).</source>
            <translation>{path} 处没有中转站存储：请检查路径（`bioreserve sync hub enrol` 或 `sync serve` 会创建存储）。</translation>
        </message>
        <message>
            <source>all stations</source>
            <translation>所有站点</translation>
        </message>
        <message>
            <source>it is malformed</source>
            <translation>格式不正确</translation>
        </message>
        <message>
            <source>no answer in time</source>
            <translation>未能及时应答</translation>
        </message>
        <message>
            <source>the address is not one of this computer's</source>
            <translation>该地址不属于本机</translation>
        </message>
        <message>
            <source>the brackets around its IPv6 address do not match</source>
            <translation>IPv6 地址的方括号不配对</translation>
        </message>
        <message>
            <source>the computer cannot be reached</source>
            <translation>无法连接到该计算机</translation>
        </message>
        <message>
            <source>the connection was cut by the other side</source>
            <translation>连接被对方断开</translation>
        </message>
        <message>
            <source>the connection was refused (nothing listens on that port)</source>
            <translation>连接被拒绝（该端口上没有程序在监听）</translation>
        </message>
        <message>
            <source>the host name cannot be resolved</source>
            <translation>无法解析该主机名</translation>
        </message>
        <message>
            <source>the network cannot be reached</source>
            <translation>无法连接到该网络</translation>
        </message>
        <message>
            <source>the port is in use by another program</source>
            <translation>该端口已被其他程序占用</translation>
        </message>
        <message>
            <source>the server asks for a password and none was given</source>
            <translation>服务器要求密码，但未提供密码</translation>
        </message>
        <message>
            <source>the user name or password is wrong</source>
            <translation>用户名或密码错误</translation>
        </message>
        <message>
            <source>{name} ({code}) was revoked already, at {revoked_at}: nothing changed.</source>
            <translation>{name}（{code}）已于 {revoked_at} 被吊销：未作任何改动。</translation>
        </message>
        <message>
            <source>{path} is a BioReserve station's database, not a hub store: give the hub's own file (e.g. hub.db) with --store.</source>
            <translation>{path} 是 BioReserve 站点的数据库，不是中转站存储：请用 --store 指定中转站自己的文件（如 hub.db）。</translation>
        </message>
        <message>
            <source>{path} is a database of another kind, not a hub store: give the hub's own file (e.g. hub.db) with --store.</source>
            <translation>{path} 是其他类型的数据库，不是中转站存储：请用 --store 指定中转站自己的文件（如 hub.db）。</translation>
        </message>
        <message>
            <source>{path} is not a hub store (not a SQLite database, or a damaged one): check the --store path.</source>
            <translation>{path} 不是中转站存储（不是 SQLite 数据库，或已损坏）：请检查 --store 路径。</translation>
        </message>
        <message>
            <source>{store} is not a hub store: give a SQLite file's path or a PostgreSQL address (postgresql://user@host/database or postgres://…).</source>
            <translation>{store} 不是中转站存储：请给出 SQLite 文件路径或 PostgreSQL 地址（postgresql://user@host/database 或 postgres://…）。</translation>
        </message>
        <message>
            <source>{url} is not a hub address ({reason}); give one like http://192.168.1.10:8765.</source>
            <translation>{url} 不是中转站地址（{reason}）；请给出类似 http://192.168.1.10:8765 的地址。</translation>
        </message>
        <message>
            <source>Enrolled {name} ({code}, origin {origin}) again with the hub at {store} (last enrolled {since}).</source>
            <translation>已在中转站 {store} 重新登记 {name}（{code}，来源标识 {origin}）（上次登记于 {since}）。</translation>
        </message>
        <message>
            <source>the hub closed the connection without answering</source>
            <translation>中转站未作应答就关闭了连接</translation>
        </message>
        <message>
            <source>Connections one client address may hold at once (0: no cap; this computer's own addresses are never capped). Behind a reverse proxy on another computer every station comes from the proxy's address: give 0 and cap clients in the proxy.</source>
            <translation>一个客户端地址可同时保持的连接数（0：不限；本机地址从不受限）。反向代理在另一台计算机上时，所有站点都来自代理的地址：请设为 0，并在代理中限制每个客户端。</translation>
        </message>
        <message>
            <source>The phone number {phone} of {name} is masked: only the participant it was shown for can keep it. Enter the whole number.</source>
            <translation>{name}的电话号码 {phone} 已脱敏：只能留给显示它的那位参演人员。请填写完整号码。</translation>
        </message>
        <message>
            <source>The participants of drill {drill} (MSEL): {rows} phone numbers</source>
            <translation>演练 {drill} 的参演人员（MSEL）：{rows} 个电话号码</translation>
        </message>
        <message>
            <source>Identifier</source>
            <translation>标识</translation>
        </message>
        <message>
            <source>Short name</source>
            <translation>简称</translation>
        </message>
        <message>
            <source>English name</source>
            <translation>英文名称</translation>
        </message>
        <message>
            <source>Parent</source>
            <translation>上级</translation>
        </message>
        <message>
            <source>Scheme</source>
            <translation>分类体系</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>已删除</translation>
        </message>
        <message>
            <source>Created at</source>
            <translation>创建时间</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>Reference number</source>
            <translation>关联单号</translation>
        </message>
        <message>
            <source>Unit of measure</source>
            <translation>计量单位</translation>
        </message>
        <message>
            <source>Pack size</source>
            <translation>包装数量</translation>
        </message>
        <message>
            <source>Pack unit</source>
            <translation>包装单位</translation>
        </message>
        <message>
            <source>GB/T code</source>
            <translation>国标编码</translation>
        </message>
        <message>
            <source>Expiry managed</source>
            <translation>效期管理</translation>
        </message>
        <message>
            <source>Storage</source>
            <translation>储存条件</translation>
        </message>
        <message>
            <source>Batch</source>
            <translation>批号</translation>
        </message>
        <message>
            <source>Manufacturer</source>
            <translation>生产厂家</translation>
        </message>
        <message>
            <source>Produced on</source>
            <translation>生产日期</translation>
        </message>
        <message>
            <source>Expires on</source>
            <translation>有效期至</translation>
        </message>
        <message>
            <source>Occurred at</source>
            <translation>发生时间</translation>
        </message>
        <message>
            <source>From depot</source>
            <translation>调出仓库</translation>
        </message>
        <message>
            <source>To depot</source>
            <translation>调入仓库</translation>
        </message>
        <message>
            <source>Quantity sent</source>
            <translation>发出数量</translation>
        </message>
        <message>
            <source>Sent at</source>
            <translation>发出时间</translation>
        </message>
        <message>
            <source>Received at</source>
            <translation>签收时间</translation>
        </message>
        <message>
            <source>Requesting unit</source>
            <translation>申请单位</translation>
        </message>
        <message>
            <source>Receiving unit</source>
            <translation>收货单位</translation>
        </message>
        <message>
            <source>Delivery address</source>
            <translation>收货地址</translation>
        </message>
        <message>
            <source>Sender's contact</source>
            <translation>发货联系人</translation>
        </message>
        <message>
            <source>Sender's phone</source>
            <translation>发货电话</translation>
        </message>
        <message>
            <source>Receiver's contact</source>
            <translation>收货联系人</translation>
        </message>
        <message>
            <source>Receiver's phone</source>
            <translation>收货电话</translation>
        </message>
        <message>
            <source>Vehicle</source>
            <translation>车辆</translation>
        </message>
        <message>
            <source>Driver</source>
            <translation>驾驶员</translation>
        </message>
        <message>
            <source>Driver's phone</source>
            <translation>驾驶员电话</translation>
        </message>
        <message>
            <source>Approver</source>
            <translation>审批人</translation>
        </message>
        <message>
            <source>Reason cancelled</source>
            <translation>作废原因</translation>
        </message>
        <message>
            <source>Oral instruction</source>
            <translation>口头指令</translation>
        </message>
        <message>
            <source>Oral instruction at</source>
            <translation>口头指令时间</translation>
        </message>
        <message>
            <source>Paperwork completed at</source>
            <translation>补办手续时间</translation>
        </message>
        <message>
            <source>Submitted at</source>
            <translation>提交时间</translation>
        </message>
        <message>
            <source>Approved at</source>
            <translation>审批时间</translation>
        </message>
        <message>
            <source>Dispatched at</source>
            <translation>发运时间</translation>
        </message>
        <message>
            <source>Cancelled at</source>
            <translation>作废时间</translation>
        </message>
        <message>
            <source>Allocation order</source>
            <translation>调拨单</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>行号</translation>
        </message>
        <message>
            <source>Order line</source>
            <translation>调拨单明细</translation>
        </message>
        <message>
            <source>Quantity requested</source>
            <translation>申请数量</translation>
        </message>
        <message>
            <source>Quantity dispatched</source>
            <translation>发运数量</translation>
        </message>
        <message>
            <source>Reason for the difference</source>
            <translation>差异原因</translation>
        </message>
        <message>
            <source>Transfer</source>
            <translation>调拨记录</translation>
        </message>
        <message>
            <source>Linked incident</source>
            <translation>关联事件</translation>
        </message>
        <message>
            <source>Grades</source>
            <translation>适用级别</translation>
        </message>
        <message>
            <source>From grade</source>
            <translation>起始级别</translation>
        </message>
        <message>
            <source>Previous</source>
            <translation>原值</translation>
        </message>
        <message>
            <source>Supporting agencies</source>
            <translation>配合单位</translation>
        </message>
        <message>
            <source>Commander's phone</source>
            <translation>现场指挥电话</translation>
        </message>
        <message>
            <source>Released at</source>
            <translation>撤回时间</translation>
        </message>
        <message>
            <source>Activation</source>
            <translation>启动记录</translation>
        </message>
        <message>
            <source>Playbook task</source>
            <translation>预案任务</translation>
        </message>
        <message>
            <source>Phase title</source>
            <translation>阶段名称</translation>
        </message>
        <message>
            <source>Clause</source>
            <translation>条款</translation>
        </message>
        <message>
            <source>Clauses</source>
            <translation>条款</translation>
        </message>
        <message>
            <source>Clause note</source>
            <translation>条款说明</translation>
        </message>
        <message>
            <source>Quotations</source>
            <translation>引文</translation>
        </message>
        <message>
            <source>Based on</source>
            <translation>编制依据</translation>
        </message>
        <message>
            <source>Example</source>
            <translation>示例</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>摘要</translation>
        </message>
        <message>
            <source>Deadline (hours)</source>
            <translation>时限（小时）</translation>
        </message>
        <message>
            <source>Added at</source>
            <translation>添加时间</translation>
        </message>
        <message>
            <source>Due at</source>
            <translation>截止时间</translation>
        </message>
        <message>
            <source>Due on</source>
            <translation>期限</translation>
        </message>
        <message>
            <source>Status note</source>
            <translation>状态说明</translation>
        </message>
        <message>
            <source>Status set by</source>
            <translation>状态更新人</translation>
        </message>
        <message>
            <source>Status set at</source>
            <translation>状态更新时间</translation>
        </message>
        <message>
            <source>Report stage</source>
            <translation>报告阶段</translation>
        </message>
        <message>
            <source>Sequence</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>Measures taken</source>
            <translation>已采取措施</translation>
        </message>
        <message>
            <source>Next steps</source>
            <translation>下一步工作</translation>
        </message>
        <message>
            <source>Signed by</source>
            <translation>签发人</translation>
        </message>
        <message>
            <source>Estimation factor</source>
            <translation>测算因子</translation>
        </message>
        <message>
            <source>Quantity per day</source>
            <translation>每日用量</translation>
        </message>
        <message>
            <source>Buffer (%)</source>
            <translation>余量（%）</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Office phone</source>
            <translation>办公电话</translation>
        </message>
        <message>
            <source>Unavailable from</source>
            <translation>不可用起</translation>
        </message>
        <message>
            <source>Unavailable until</source>
            <translation>不可用止</translation>
        </message>
        <message>
            <source>Issued on</source>
            <translation>发证日期</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <source>Simulated start</source>
            <translation>模拟开始时间</translation>
        </message>
        <message>
            <source>Clock speed</source>
            <translation>时钟倍速</translation>
        </message>
        <message>
            <source>Wall-clock time</source>
            <translation>实际时间</translation>
        </message>
        <message>
            <source>Simulated time (s)</source>
            <translation>模拟时间（秒）</translation>
        </message>
        <message>
            <source>Inject</source>
            <translation>事件</translation>
        </message>
        <message>
            <source>Within (minutes)</source>
            <translation>时限（分钟）</translation>
        </message>
        <message>
            <source>Trigger</source>
            <translation>触发方式</translation>
        </message>
        <message>
            <source>Offset (minutes)</source>
            <translation>时间偏移（分钟）</translation>
        </message>
        <message>
            <source>After inject</source>
            <translation>前序事件</translation>
        </message>
        <message>
            <source>After it is</source>
            <translation>前序事件状态</translation>
        </message>
        <message>
            <source>Sender</source>
            <translation>发送方</translation>
        </message>
        <message>
            <source>To agency</source>
            <translation>接收单位</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>消息内容</translation>
        </message>
        <message>
            <source>Contingency</source>
            <translation>备用事件</translation>
        </message>
        <message>
            <source>Fired at (s)</source>
            <translation>发布时间（秒）</translation>
        </message>
        <message>
            <source>Acknowledged at (s)</source>
            <translation>确认时间（秒）</translation>
        </message>
        <message>
            <source>Done at (s)</source>
            <translation>完成时间（秒）</translation>
        </message>
        <message>
            <source>At (s)</source>
            <translation>时间（秒）</translation>
        </message>
        <message>
            <source>Citation</source>
            <translation>依据条款</translation>
        </message>
        <message>
            <source>Issue found</source>
            <translation>发现问题</translation>
        </message>
        <message>
            <source>Exposed on</source>
            <translation>暴露日期</translation>
        </message>
        <message>
            <source>Exposure</source>
            <translation>暴露方式</translation>
        </message>
        <message>
            <source>Monitoring schedule</source>
            <translation>监测计划</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>人员</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>监测点位</translation>
        </message>
        <message>
            <source>Recorded at</source>
            <translation>录入时间</translation>
        </message>
        <message>
            <source>Handled</source>
            <translation>已处理</translation>
        </message>
        <message>
            <source>Handling note</source>
            <translation>处理说明</translation>
        </message>
        <message>
            <source>Starts on</source>
            <translation>开始日期</translation>
        </message>
        <message>
            <source>Normal from</source>
            <translation>正常下限</translation>
        </message>
        <message>
            <source>Normal up to</source>
            <translation>正常上限</translation>
        </message>
        <message>
            <source>Ended on</source>
            <translation>结束日期</translation>
        </message>
        <message>
            <source>Reason ended</source>
            <translation>结束原因</translation>
        </message>
        <message>
            <source>Certificate number</source>
            <translation>证书编号</translation>
        </message>
        <message>
            <source>Report kind</source>
            <translation>报告类型</translation>
        </message>
        <message>
            <source>Sent out at</source>
            <translation>派出时间</translation>
        </message>
        <message>
            <source>Movement kind</source>
            <translation>业务类型</translation>
        </message>
        <message>
            <source>For a drill</source>
            <translation>演练单据</translation>
        </message>
        <message>
            <source>For the incident</source>
            <translation>关联事件</translation>
        </message>
        <message>
            <source>User's agency</source>
            <translation>所属单位</translation>
        </message>
        <message>
            <source>Cannot open the hub's store {reason}</source>
            <translation>无法打开中转站的存储 {reason}</translation>
        </message>
        <message>
            <source>give the database file's name</source>
            <translation>请给出数据库文件的名称</translation>
        </message>
        <message>
            <source>{value} is not a date: counted as Excel counts days it would be {date}. Write the whole date, e.g. 2026-03-01.</source>
            <translation>{value} 不是日期：按 Excel 的日序数计算将是 {date}。请写完整日期，如 2026-03-01。</translation>
        </message>
        <message>
            <source>The same receipt (depot, lot, quantity and dates) as row {row} of this file: enter it once, with the whole quantity received.</source>
            <translation>与本文件第 {row} 行是同一笔入库（仓库、批次、数量和日期相同）：请只填一行，写明收到的总数量。</translation>
        </message>
        <message>
            <source>The stock, norms or orders of {code} are counted in {unit}: its unit cannot change to {new} (that would change what every quantity means). Add a new item for the new unit.</source>
            <translation>{code} 的库存、定额或调拨单按“{unit}”计数：计量单位不能改为“{new}”（否则所有数量的含义都会改变）。请为新的计量单位另建物资。</translation>
        </message>
        <message>
            <source>An expert already in the roster with the same name AND the same mobile number (without a mobile number: the same name AND organisation) is UPDATED by the row, not added again; other experts with the same name are added as other people (bioreserve expert duplicates lists the possible duplicates).</source>
            <translation>专家库中姓名和手机号都相同（无手机号时：姓名和工作单位都相同）的专家，由该行更新，不会重复添加；其他同名专家作为不同的人照常添加（疑似重复见 bioreserve expert duplicates）。</translation>
        </message>
        <message>
            <source>An expert with this name and organisation, and no mobile number, is already in row {row} of this file.</source>
            <translation>本文件第 {row} 行已有姓名和工作单位相同、且无手机号的专家。</translation>
        </message>
        <message>
            <source>Import experts from an .xlsx or .csv file (`bioreserve template experts` writes the template). An expert with the same name and mobile number (without one: the same name and organisation) is updated.</source>
            <translation>从 .xlsx 或 .csv 文件导入专家（模板由 `bioreserve template experts` 生成）。姓名和手机号相同（无手机号时：姓名和工作单位相同）的专家将被更新。</translation>
        </message>
        <message>
            <source>Possible duplicates: experts with the same name and mobile number, or without one the same name and organisation (not merged).</source>
            <translation>疑似重复：姓名和手机号都相同，或无手机号时姓名和工作单位都相同的专家（不会自动合并）。</translation>
        </message>
        <message>
            <source>{count} experts in the roster have this name and mobile number (without one: this organisation); resolve the duplicates first (bioreserve expert duplicates).</source>
            <translation>专家库中有 {count} 位专家的姓名和手机号与此相同（无手机号时：工作单位相同）；请先处理疑似重复（bioreserve expert duplicates）。</translation>
        </message>
        <message>
            <source>{count} possible duplicate(s): the same name and mobile number (without one: organisation). Check them and delete the extra records; nothing was merged.</source>
            <translation>{count} 组疑似重复：姓名和手机号相同（无手机号时：工作单位相同）。请核实并删除多余记录；系统未做任何合并。</translation>
        </message>
        <message>
            <source>the file is empty</source>
            <translation>文件是空的</translation>
        </message>
        <message>
            <source>it is protected by a password, or an old .xls workbook</source>
            <translation>文件设置了打开密码，或是旧的 .xls 格式</translation>
        </message>
        <message>
            <source>it is not an .xlsx file, or it is damaged or incomplete</source>
            <translation>不是 .xlsx 文件，或文件已损坏、不完整</translation>
        </message>
        <message>
            <source>depots to draw on</source>
            <translation>可调用仓库</translation>
        </message>
        <message>
            <source>Column {column} has values (the first in row {row}) but no header: give it the header of what it holds, or clear it. A merged header cell names only its first column.</source>
            <translation>第 {column} 列有内容（最早在第 {row} 行）但没有表头：请为它填写相应的表头，或清空该列。合并的表头单元格只对应其中的第一列。</translation>
        </message>
        <message>
            <source>give a file name</source>
            <translation>请给出文件名</translation>
        </message>
        <message>
            <source>{field}: {reason}</source>
            <translation>{field}：{reason}</translation>
        </message>
        <message>
            <source>{phone} is too short for a phone number (at least 7 digits).</source>
            <translation>{phone} 太短，不是电话号码（至少 7 位数字）。</translation>
        </message>
        <message>
            <source>The paperwork of order {number} was completed on {when} already.</source>
            <translation>调拨单 {number} 的书面手续已于 {when} 补办。</translation>
        </message>
        <message>
            <source>A schedule ends early today or on a day before ({date} is still to come).</source>
            <translation>监测计划只能从今天或更早的日期起提前结束（{date} 尚未到来）。</translation>
        </message>
        <message>
            <source>Drill {number} has ended: nothing more is played in its sandbox (it is kept for the evaluation and the report: bioreserve drill …).</source>
            <translation>演练 {number} 已结束：其沙盒中不能再进行演练操作（沙盒保留用于评估和报告：bioreserve drill …）。</translation>
        </message>
        <message>
            <source>None of the scenario's playbooks can be activated: {reasons}</source>
            <translation>情景指定的处置预案均无法启动：{reasons}</translation>
        </message>
        <message>
            <source>It holds this station's records but no personal rows (the recipient is not entitled to the expert roster or the monitoring cohorts: `bioreserve sync entitle` grants them), signed but not encrypted: carry it to the other station and delete it there after the import.</source>
            <translation>它包含本站的记录，但不含个人信息（接收站点无权接收专家库和监测人员名单：可用 `bioreserve sync entitle` 授权）；已签名但未加密：请带到对方站点，导入后在那里删除。</translation>
        </message>
        <message>
            <source>Every operation of bundle {sequence} from {code} was here already (it, or a later bundle that carried them too, was imported before); nothing changed.</source>
            <translation>来自 {code} 的第 {sequence} 号同步包中的操作本站均已具备（此前已导入该包，或导入过同样包含这些操作的后续同步包），未作任何更改。</translation>
        </message>
        <message>
            <source>The data seem to be on the sheet {sheet}, but an import reads the first sheet ({first}) only: move the sheet {sheet} to the front and import again.</source>
            <translation>数据似乎在工作表「{sheet}」中，但导入只读取第一个工作表（「{first}」）：请把工作表「{sheet}」移到最前面后再导入。</translation>
        </message>
        <message>
            <source>it is a database (a station's or a backup), which nothing is written over</source>
            <translation>这是一个数据库（某站点的数据库或备份），不能被覆盖写入</translation>
        </message>
        <message>
            <source>it is larger than {max} MB</source>
            <translation>文件大于 {max} MB</translation>
        </message>
        <message>
            <source>it is not UTF-8 text</source>
            <translation>不是 UTF-8 编码的文本</translation>
        </message>
        <message>
            <source>not JSON at line {line}, column {column}</source>
            <translation>第 {line} 行第 {column} 列不符合 JSON 格式</translation>
        </message>
        <message>
            <source>it is nested more deeply than any such file</source>
            <translation>嵌套层数远超任何此类文件</translation>
        </message>
        <message>
            <source>Trigger {trigger} of table {table} differs from the schema: the database was altered outside BioReserve. Restore it from a backup.</source>
            <translation>表 {table} 的触发器 {trigger} 与数据库结构不符：数据库曾在 BioReserve 之外被修改。请从备份恢复。</translation>
        </message>
        <message>
            <source>Station {code} ({origin}) is enrolled with another key (fingerprint {held}); {path} gives {given}, and may be forged. If the station really has a new key, revoke it first (bioreserve sync hub revoke {code}) and enrol the file again.</source>
            <translation>站点 {code}（{origin}）已用另一把密钥登记（指纹 {held}）；{path} 给出的是 {given}，可能是伪造的。如该站点确实更换了密钥，请先撤销它（bioreserve sync hub revoke {code}），再登记此文件。</translation>
        </message>
        <message>
            <source>Another station ({origin}) is enrolled with the code {code}: if this station replaced it (a new key), revoke that one first (bioreserve sync hub revoke {origin}), then enrol this key file again.</source>
            <translation>另一个站点（{origin}）已用代码 {code} 登记：如本站点是它的替代（换了新密钥），请先撤销那个站点（bioreserve sync hub revoke {origin}），再登记此密钥文件。</translation>
        </message>
        <message>
            <source>BIORESERVE_LANG={value} is no language of BioReserve: set zh_CN or en.</source>
            <translation>BIORESERVE_LANG={value} 不是本系统支持的语言：请设为 zh_CN 或 en。</translation>
        </message>
        <message>
            <source>No terminal to ask for the password in: a script gives it in the environment variable {variable}.</source>
            <translation>没有可输入密码的终端：脚本请用环境变量 {variable} 提供密码。</translation>
        </message>
        <message>
            <source>Backups are kept 1 to {max} days; {days} is not among them.</source>
            <translation>备份保留天数为 1 至 {max} 天；{days} 不在此范围内。</translation>
        </message>
        <message>
            <source>Choose the kind of event: {codes}.</source>
            <translation>请选择事件类型：{codes}。</translation>
        </message>
        <message>
            <source>A formula whose result was not saved in the file (written by a program that does not calculate): open the file in Excel or WPS and save it again, or paste the values.</source>
            <translation>公式的计算结果未保存在文件中（文件由不计算公式的程序生成）：请用 Excel 或 WPS 打开并重新保存，或将公式粘贴为数值。</translation>
        </message>
        <message>
            <source>{where}{field}: at most {max} characters ({count} given).</source>
            <translation>{where}{field}：最多 {max} 个字符（现有 {count} 个）。</translation>
        </message>
        <message>
            <source>Order {number} was issued by another station ({station}): its printed form carries that station's seal (QR code), so it is printed there.</source>
            <translation>调拨单 {number} 由另一站点（{station}）签发：打印件上的防伪二维码是该站点的签章，请在该站点打印。</translation>
        </message>
        <message>
            <source>{reserved} {unit} of lot {batch} at {depot} are reserved by approved order(s) {orders}; at most {free} may be written off. Cancel the order (its reservation is released), then write the stock off.</source>
            <translation>{depot} 的批次 {batch} 中有 {reserved} {unit}已被已批准的调拨单 {orders} 预留，最多可报废 {free}。请先作废该调拨单（释放预留），再报废。</translation>
        </message>
        <message>
            <source>the lot is also held at depots the account does not keep</source>
            <translation>该批次还存放在本账户不管理的仓库</translation>
        </message>
        <message>
            <source>No reserve norm is set yet: `bioreserve norms set` or `bioreserve norms import` sets them.</source>
            <translation>尚未设定任何储备定额：可用 `bioreserve norms set` 或 `bioreserve norms import` 设定。</translation>
        </message>
        <message>
            <source>Paperwork due</source>
            <translation>书面手续期限</translation>
        </message>
        <message>
            <source>(overdue)</source>
            <translation>（已逾期）</translation>
        </message>
        <message>
            <source>Oral order: written paperwork done {time}</source>
            <translation>口头指令：书面手续已于 {time} 补办</translation>
        </message>
        <message>
            <source>The row is hidden in the spreadsheet: show it and check it, or delete it (a hidden row is not imported unseen).</source>
            <translation>此行在表格中被隐藏：请取消隐藏并核对，或将其删除（隐藏的行不会在看不见的情况下导入）。</translation>
        </message>
        <message>
            <source>This cell is part of the merged cells {first}:{last}, whose value belongs to {first} alone: unmerge them and fill in each cell.</source>
            <translation>此单元格属于合并单元格 {first}:{last}，其中的值只属于 {first}：请取消合并并逐格填写。</translation>
        </message>
    </context>
</TS>
