<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AccountDialog</name>
        <message>
            <source>New account</source>
            <translation>新建账户</translation>
        </message>
        <message>
            <source>Change role</source>
            <translation>修改角色</translation>
        </message>
        <message>
            <source>Account name</source>
            <translation>账户名</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Agency</source>
            <translation>所属单位</translation>
        </message>
        <message>
            <source>Depots</source>
            <translation>负责仓库</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Password again</source>
            <translation>再次输入密码</translation>
        </message>
        <message>
            <source>The account was added.</source>
            <translation>账户已添加。</translation>
        </message>
        <message>
            <source>The account was changed.</source>
            <translation>账户已修改。</translation>
        </message>
        <message>
            <source>Give the account name.</source>
            <translation>请填写账户名。</translation>
        </message>
    </context>
    <context>
        <name>AccountMenus</name>
        <message>
            <source>S&amp;witch user…</source>
            <translation>切换用户(&amp;W)…</translation>
        </message>
        <message>
            <source>Lo&amp;g out</source>
            <translation>注销(&amp;G)</translation>
        </message>
        <message>
            <source>Change &amp;password…</source>
            <translation>修改密码(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Lock</source>
            <translation>锁定(&amp;L)</translation>
        </message>
        <message>
            <source>S&amp;ystem</source>
            <translation>系统(&amp;Y)</translation>
        </message>
        <message>
            <source>&amp;User accounts…</source>
            <translation>用户管理(&amp;U)…</translation>
        </message>
        <message>
            <source>&amp;Audit log…</source>
            <translation>审计日志(&amp;A)…</translation>
        </message>
        <message>
            <source>The password was changed.</source>
            <translation>密码已修改。</translation>
        </message>
        <message>
            <source>Not logged in</source>
            <translation>未登录</translation>
        </message>
        <message>
            <source>User: {user} ({role})</source>
            <translation>用户：{user}（{role}）</translation>
        </message>
        <message>
            <source>Log in to use BioReserve.</source>
            <translation>请登录后使用本系统。</translation>
        </message>
        <message>
            <source>Locked. {user} is logged in; type the password to go on.</source>
            <translation>已锁定。当前登录用户为 {user}，请输入密码继续。</translation>
        </message>
    </context>
    <context>
        <name>ActivateDialog</name>
        <message>
            <source>Code</source>
            <translation>编码</translation>
        </message>
        <message>
            <source>Playbook</source>
            <translation>预案</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <source>Grades</source>
            <translation>适用级别</translation>
        </message>
        <message>
            <source>Tasks now / in all</source>
            <translation>当前适用 / 全部任务</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Activated</source>
            <translation>已启动</translation>
        </message>
        <message>
            <source>Not for this grade</source>
            <translation>不适用于本级别</translation>
        </message>
        <message>
            <source>Suggested</source>
            <translation>建议启动</translation>
        </message>
        <message>
            <source>Activate playbook — {number}</source>
            <translation>启动预案 — {number}</translation>
        </message>
        <message>
            <source>Approved playbooks for {hazard}, those for grade {grade} first. Activating one gives the incident its tasks (due counted from now) and material lines.</source>
            <translation>以下为“{hazard}”类已批准的预案，适用于 {grade} 级的排在前面。启动后，事件即获得预案的任务（时限自此刻起算）和物资测算行。</translation>
        </message>
        <message>
            <source>Activate</source>
            <translation>启动</translation>
        </message>
        <message>
            <source>No approved playbook for this hazard.</source>
            <translation>该事件类别没有已批准的预案。</translation>
        </message>
        <message>
            <source>Playbook {code} v{version} activated: {tasks} task(s), {lines} material line(s).</source>
            <translation>已启动预案 {code} 第 {version} 版：任务 {tasks} 项，物资测算行 {lines} 行。</translation>
        </message>
    </context>
    <context>
        <name>AdvanceDialog</name>
        <message>
            <source>Advance status — {number}</source>
            <translation>推进状态 — {number}</translation>
        </message>
        <message>
            <source>Optional: why, on whose decision</source>
            <translation>选填：原因、依据何人决定</translation>
        </message>
        <message>
            <source>The status only moves forward: {path}.</source>
            <translation>状态只能向前推进：{path}。</translation>
        </message>
        <message>
            <source>Current status</source>
            <translation>当前状态</translation>
        </message>
        <message>
            <source>New status</source>
            <translation>新状态</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Closing is final: nothing more can be recorded in the incident, and the experts still dispatched to it are released.</source>
            <translation>关闭后不可恢复：事件中不能再作任何记录，仍在派遣中的专家将一并解除派遣。</translation>
        </message>
        <message>
            <source>Incident {number} is now {status}.</source>
            <translation>事件 {number} 已进入“{status}”。</translation>
        </message>
    </context>
    <context>
        <name>AgenciesModel</name>
        <message>
            <source>Code</source>
            <translation>编码</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Short name</source>
            <translation>简称</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>级别</translation>
        </message>
        <message>
            <source>Division</source>
            <translation>行政区划</translation>
        </message>
        <message>
            <source>Contact person</source>
            <translation>联系人</translation>
        </message>
        <message>
            <source>Duty phone</source>
            <translation>值班电话</translation>
        </message>
        <message>
            <source>City</source>
            <translation>市级</translation>
        </message>
        <message>
            <source>County</source>
            <translation>县级</translation>
        </message>
    </context>
    <context>
        <name>AgenciesView</name>
        <message>
            <source>Double-click a contact person or a duty phone to change it; hover a name for the agency's responsibilities.</source>
            <translation>双击联系人或值班电话即可修改；鼠标停在单位名称上可查看其职责。</translation>
        </message>
        <message>
            <source>Saved {code}.</source>
            <translation>已保存 {code}。</translation>
        </message>
    </context>
    <context>
        <name>AgencyDialog</name>
        <message>
            <source>Assignment list — {number}</source>
            <translation>任务分工单 — {number}</translation>
        </message>
        <message>
            <source>An agency's tasks in the incident, with deadlines and checklists.</source>
            <translation>该单位在本事件中的任务，含时限和检查清单。</translation>
        </message>
        <message>
            <source>Preview…</source>
            <translation>预览…</translation>
        </message>
        <message>
            <source>Agency</source>
            <translation>单位</translation>
        </message>
    </context>
    <context>
        <name>AlertsTab</name>
        <message>
            <source>Check of</source>
            <translation>应测日期</translation>
        </message>
        <message>
            <source>Incident</source>
            <translation>事件</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>对象</translation>
        </message>
        <message>
            <source>Cohort</source>
            <translation>人群</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>监测项目</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Recorded</source>
            <translation>录入时间</translation>
        </message>
        <message>
            <source>Agency</source>
            <translation>负责单位</translation>
        </message>
        <message>
            <source>Handled</source>
            <translation>处理情况</translation>
        </message>
        <message>
            <source>Handle…</source>
            <translation>处理…</translation>
        </message>
        <message>
            <source>This incident only</source>
            <translation>仅本事件</translation>
        </message>
        <message>
            <source>Handled ones too</source>
            <translation>含已处理</translation>
        </message>
        <message>
            <source>{count} open alert(s)</source>
            <translation>未处理预警 {count} 条</translation>
        </message>
        <message>
            <source>Alert closed.</source>
            <translation>预警已处理。</translation>
        </message>
    </context>
    <context>
        <name>AlertsView</name>
        <message>
            <source>1 to 5 day counts separated by commas; each lot is shown in the tightest.</source>
            <translation>1 至 5 个天数，用逗号分隔；每个批次归入最紧的一档。</translation>
        </message>
        <message>
            <source>Save thresholds</source>
            <translation>保存阈值</translation>
        </message>
        <message>
            <source>Near-expiry thresholds (days)</source>
            <translation>近效期预警阈值（天）</translation>
        </message>
        <message>
            <source>Allocation order for the selection…</source>
            <translation>为所选缺口生成调拨单…</translation>
        </message>
        <message>
            <source>Below norm or out of stock: order the shortfall of the selected rows (one depot) from the other depots.</source>
            <translation>低于定额或缺货：为所选行（同一仓库）的缺口从其他仓库生成调拨单。</translation>
        </message>
        <message>
            <source>Reconcile…</source>
            <translation>对账…</translation>
        </message>
        <message>
            <source>Negative balance: see who issued the lot at which station, and settle it with a physical count.</source>
            <translation>负库存：查看由谁在哪个站点发放了该批次，并以实物盘点处理。</translation>
        </message>
        <message>
            <source>Depot code</source>
            <translation>仓库编码</translation>
        </message>
        <message>
            <source>Depot</source>
            <translation>仓库</translation>
        </message>
        <message>
            <source>Item code</source>
            <translation>物资编码</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>物资</translation>
        </message>
        <message>
            <source>Reserve norm</source>
            <translation>储备定额</translation>
        </message>
        <message>
            <source>Usable stock</source>
            <translation>可用库存</translation>
        </message>
        <message>
            <source>Shortfall</source>
            <translation>缺口</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Batch number</source>
            <translation>批号</translation>
        </message>
        <message>
            <source>Expiry date</source>
            <translation>有效期至</translation>
        </message>
        <message>
            <source>Days left</source>
            <translation>剩余天数</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Within (days)</source>
            <translation>预警档（天）</translation>
        </message>
        <message>
            <source>Below norm</source>
            <translation>低于定额</translation>
        </message>
        <message>
            <source>Out of stock</source>
            <translation>缺货</translation>
        </message>
        <message>
            <source>Near expiry</source>
            <translation>近效期</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>已过期</translation>
        </message>
        <message>
            <source>Negative balance</source>
            <translation>负库存</translation>
        </message>
        <message>
            <source>No depot holds less than its norm of an item.</source>
            <translation>没有低于定额的物资。</translation>
        </message>
        <message>
            <source>No item with a norm is out of stock.</source>
            <translation>没有缺货的定额物资。</translation>
        </message>
        <message>
            <source>No lot expires within the warning periods.</source>
            <translation>预警期内没有临期批次。</translation>
        </message>
        <message>
            <source>No expired lot is held.</source>
            <translation>没有过期批次。</translation>
        </message>
        <message>
            <source>No negative balance: no lot was issued twice by two stations.</source>
            <translation>没有负库存：没有批次被两个站点重复出库。</translation>
        </message>
        <message>
            <source>Choose rows under Below norm or Out of stock.</source>
            <translation>请在“低于定额”或“缺货”中选择行。</translation>
        </message>
        <message>
            <source>Select the rows to order (one depot).</source>
            <translation>请选择要调拨的行（同一仓库）。</translation>
        </message>
        <message>
            <source>The selected rows belong to several depots; choose one.</source>
            <translation>所选行属于多个仓库，请只选择一个仓库的行。</translation>
        </message>
        <message>
            <source>Saved: {days} days.</source>
            <translation>已保存：{days} 天。</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>Open database</source>
            <translation>打开数据库</translation>
        </message>
        <message>
            <source>Today's backup is made and checked: {file}</source>
            <translation>今日备份已完成并已检查：{file}</translation>
        </message>
        <message>
            <source>Today's backup failed: {reason}</source>
            <translation>今日备份失败：{reason}</translation>
        </message>
    </context>
    <context>
        <name>ApproveDialog</name>
        <message>
            <source>Approve allocation order</source>
            <translation>批准调拨单</translation>
        </message>
        <message>
            <source>Name of the approving official</source>
            <translation>批准人姓名</translation>
        </message>
        <message>
            <source>Approver</source>
            <translation>批准人</translation>
        </message>
        <message>
            <source>Approval reserves the picked stock at its depots.</source>
            <translation>批准后，所拣选的库存将在各仓库预留。</translation>
        </message>
    </context>
    <context>
        <name>ArrivalDialog</name>
        <message>
            <source>Confirm arrival</source>
            <translation>到货确认</translation>
        </message>
        <message>
            <source>Required when the quantities differ</source>
            <translation>实收与发出不一致时必填</translation>
        </message>
        <message>
            <source>Item and lot</source>
            <translation>物资及批次</translation>
        </message>
        <message>
            <source>From → to</source>
            <translation>调出 → 调入</translation>
        </message>
        <message>
            <source>Quantity sent</source>
            <translation>发出数量</translation>
        </message>
        <message>
            <source>Quantity received</source>
            <translation>实收数量</translation>
        </message>
        <message>
            <source>Reason for a difference</source>
            <translation>差异原因</translation>
        </message>
    </context>
    <context>
        <name>AuditDialog</name>
        <message>
            <source>Audit log</source>
            <translation>审计日志</translation>
        </message>
        <message>
            <source>any</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Any agency</source>
            <translation>全部单位</translation>
        </message>
        <message>
            <source>Any data (and events)</source>
            <translation>全部数据（含登录等事件）</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>查询</translation>
        </message>
        <message>
            <source>User</source>
            <translation>用户</translation>
        </message>
        <message>
            <source>Agency</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>数据</translation>
        </message>
        <message>
            <source>From</source>
            <translation>起始日期</translation>
        </message>
        <message>
            <source>To</source>
            <translation>截止日期</translation>
        </message>
        <message>
            <source>Export to Excel…</source>
            <translation>导出 Excel…</translation>
        </message>
        <message>
            <source>Verify the log</source>
            <translation>校验</translation>
        </message>
        <message>
            <source>The newest {n} entries; narrow the filters, or export them all.</source>
            <translation>仅显示最新 {n} 条；请缩小筛选范围，或导出全部。</translation>
        </message>
        <message>
            <source>{n} entries</source>
            <translation>共 {n} 条</translation>
        </message>
        <message>
            <source>audit-log-{day}.xlsx</source>
            <translation>审计日志-{day}.xlsx</translation>
        </message>
        <message>
            <source>Export the audit log</source>
            <translation>导出审计日志</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>{n} entries written to {file}.</source>
            <translation>已将 {n} 条写入 {file}。</translation>
        </message>
        <message>
            <source>The log is whole: {ops} operations, {events} audit events and {seals} seals checked; nothing was edited or deleted.</source>
            <translation>校验通过：已核对 {ops} 条操作、{events} 条审计事件和 {seals} 个签封，未发现篡改或删除。</translation>
        </message>
        <message>
            <source>… and {n} more.</source>
            <translation>……另有 {n} 条。</translation>
        </message>
        <message>
            <source>The log was altered: {n} finding(s).</source>
            <translation>日志已被篡改：发现 {n} 处问题。</translation>
        </message>
    </context>
    <context>
        <name>BackupLoginDialog</name>
        <message>
            <source>Log in to restore — BioReserve</source>
            <translation>登录以恢复备份 — BioReserve</translation>
        </message>
        <message>
            <source>The database cannot be opened, so nobody can log in to it. Log in with an account of the backup {backup} that may restore backups ({role}): the backup's accounts are restored with it.</source>
            <translation>数据库无法打开，任何人都不能登录到它。请用备份 {backup} 中有权恢复备份的账户（{role}）登录：备份中的账户将随之恢复。</translation>
        </message>
        <message>
            <source>Log in and restore</source>
            <translation>登录并恢复</translation>
        </message>
        <message>
            <source>Cannot read the backup {backup}: {reason}</source>
            <translation>无法读取备份 {backup}：{reason}</translation>
        </message>
    </context>
    <context>
        <name>Backups</name>
        <message>
            <source>&amp;Back up database…</source>
            <translation>备份数据库(&amp;B)…</translation>
        </message>
        <message>
            <source>&amp;Restore from backup…</source>
            <translation>从备份恢复(&amp;R)…</translation>
        </message>
        <message>
            <source>Back up database</source>
            <translation>备份数据库</translation>
        </message>
        <message>
            <source>BioReserve databases (*.db *.sqlite);;All files (*)</source>
            <translation>本系统数据库 (*.db *.sqlite);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Backing up the database…</source>
            <translation>正在备份数据库…</translation>
        </message>
        <message>
            <source>The backup {path} was written ({size}) and checked.</source>
            <translation>备份 {path} 已写入（{size}）并通过检查。</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>备份</translation>
        </message>
        <message>
            <source>Automatic backups are made every day, before every schema upgrade, spreadsheet import and bundle import, and kept {days} days (the newest good one always).</source>
            <translation>系统每天、每次数据库结构升级、表格导入和同步包导入之前自动备份，保留 {days} 天（最新的完好备份始终保留）。</translation>
        </message>
        <message>
            <source>Made</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>Check result</source>
            <translation>检查结果</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Back up &amp;now</source>
            <translation>立即备份(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Restore this backup…</source>
            <translation>从此备份恢复(&amp;R)…</translation>
        </message>
        <message>
            <source>Restore from another &amp;file…</source>
            <translation>从其他文件恢复(&amp;F)…</translation>
        </message>
        <message>
            <source>ok</source>
            <translation>正常</translation>
        </message>
        <message>
            <source>FAILED</source>
            <translation>未通过</translation>
        </message>
        <message>
            <source>Restore from backup</source>
            <translation>从备份恢复</translation>
        </message>
        <message>
            <source>Replace the database {database} with the backup {backup}?

What was changed since that backup is lost (the current file is kept as a before-restore backup). The window closes the database and opens it again.</source>
            <translation>用备份 {backup} 替换数据库 {database}？

该备份之后的更改将丢失（当前文件会另存为“恢复前”备份）。窗口将关闭数据库并重新打开。</translation>
        </message>
        <message>
            <source>A drill's sandbox is not restored: leave the drill first.</source>
            <translation>演练沙盒不能恢复：请先退出演练。</translation>
        </message>
        <message>
            <source>Log in first.</source>
            <translation>请先登录。</translation>
        </message>
        <message>
            <source>The database was restored from {backup}.</source>
            <translation>数据库已从 {backup} 恢复。</translation>
        </message>
        <message>
            <source>The replaced file is kept as {before}.</source>
            <translation>被替换的文件已保存为 {before}。</translation>
        </message>
        <message>
            <source>The check found {count} problem(s):</source>
            <translation>检查发现 {count} 个问题：</translation>
        </message>
        <message>
            <source>Check: no problems found.</source>
            <translation>检查：没有发现问题。</translation>
        </message>
        <message>
            <source>Restore the newest good backup? The damaged file is kept (as a before-restore copy) and nothing else is deleted. An administrator of the backup logs in first.</source>
            <translation>是否恢复最新的完好备份？损坏的文件会保留（作为“恢复前”副本），不会删除其他任何文件。须先以该备份的管理员账户登录。</translation>
        </message>
        <message>
            <source>&amp;Restore the backup</source>
            <translation>恢复备份(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Choose another file…</source>
            <translation>选择其他文件(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
    </context>
    <context>
        <name>BalancesModel</name>
        <message>
            <source>Depot code</source>
            <translation>仓库编码</translation>
        </message>
        <message>
            <source>Depot</source>
            <translation>仓库</translation>
        </message>
        <message>
            <source>Item code</source>
            <translation>物资编码</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>物资</translation>
        </message>
        <message>
            <source>Batch number</source>
            <translation>批号</translation>
        </message>
        <message>
            <source>Expiry date</source>
            <translation>有效期至</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Specification</source>
            <translation>规格型号</translation>
        </message>
        <message>
            <source>Expired {days} days ago</source>
            <translation>已过期 {days} 天</translation>
        </message>
        <message>
            <source>Expires in {days} days</source>
            <translation>{days} 天后到期</translation>
        </message>
    </context>
    <context>
        <name>BalancesView</name>
        <message>
            <source>By depot and item</source>
            <translation>仓库×物资</translation>
        </message>
        <message>
            <source>By lot</source>
            <translation>按批次</translation>
        </message>
        <message>
            <source>Depot</source>
            <translation>仓库</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <source>All depots</source>
            <translation>全部仓库</translation>
        </message>
        <message>
            <source>All categories</source>
            <translation>全部类别</translation>
        </message>
        <message>
            <source>Red: expired · amber: expires within {days} days · grey: not released</source>
            <translation>红色：已过期 · 橙色：{days} 天内到期 · 灰色：非合格状态</translation>
        </message>
        <message>
            <source>{rows} rows</source>
            <translation>共 {rows} 行</translation>
        </message>
        <message>
            <source>{rows} rows loaded; scroll down for more</source>
            <translation>已加载 {rows} 行，向下滚动加载更多</translation>
        </message>
    </context>
    <context>
        <name>BatchJob</name>
        <message>
            <source>Preparing {count} order(s)…</source>
            <translation>正在准备 {count} 张调拨单…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Batch printing</source>
            <translation>批量打印</translation>
        </message>
        <message>
            <source>Batch printing was cancelled; no file was written.</source>
            <translation>已取消批量打印，未生成文件。</translation>
        </message>
        <message>
            <source>Rendered {done} of {total} order(s)…</source>
            <translation>已生成 {done}/{total} 张调拨单…</translation>
        </message>
        <message>
            <source>{count} order(s) exported to {path}.</source>
            <translation>已将 {count} 张调拨单导出到 {path}。</translation>
        </message>
        <message>
            <source>Sending the pages to the printer…</source>
            <translation>正在发送到打印机…</translation>
        </message>
        <message>
            <source>Allocation orders ({count})</source>
            <translation>调拨单（{count} 张）</translation>
        </message>
    </context>
    <context>
        <name>CancelDialog</name>
        <message>
            <source>Cancel allocation order</source>
            <translation>作废调拨单</translation>
        </message>
        <message>
            <source>e.g. the need was met otherwise; entered twice</source>
            <translation>例如：需求已另行解决；重复填单</translation>
        </message>
        <message>
            <source>Reason for cancelling</source>
            <translation>作废原因</translation>
        </message>
        <message>
            <source>A cancelled order stays on record; its reserved stock is released.</source>
            <translation>作废的调拨单仍保留在记录中，其预留的库存将被释放。</translation>
        </message>
        <message>
            <source>Cancel the order</source>
            <translation>确认作废</translation>
        </message>
        <message>
            <source>Keep the order</source>
            <translation>不作废</translation>
        </message>
    </context>
    <context>
        <name>CatalogEditor</name>
        <message>
            <source>Code</source>
            <translation>编码</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Specification</source>
            <translation>规格型号</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Storage</source>
            <translation>储存条件</translation>
        </message>
        <message>
            <source>7 digits, e.g. 2010101</source>
            <translation>7 位数字，如 2010101</translation>
        </message>
        <message>
            <source>Managed by expiry date</source>
            <translation>实行效期管理</translation>
        </message>
        <message>
            <source>Pack size and unit</source>
            <translation>包装规格及单位</translation>
        </message>
        <message>
            <source>GB/T 38565 code</source>
            <translation>GB/T 38565 编码</translation>
        </message>
        <message>
            <source>Shelf life</source>
            <translation>效期管理</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>New catalogue item</source>
            <translation>新建物资</translation>
        </message>
    </context>
    <context>
        <name>Chart</name>
        <message>
            <source>No data</source>
            <translation>暂无数据</translation>
        </message>
    </context>
    <context>
        <name>ClauseLinks</name>
        <message>
            <source>Open the plan's words</source>
            <translation>查看方案原文</translation>
        </message>
    </context>
    <context>
        <name>ConflictsView</name>
        <message>
            <source>Two stations changed the same field without seeing each other's change. The newest value is kept and shown; choose the version that is right. The choice reaches the other stations with the next bundle.</source>
            <translation>两个站点在互不知情的情况下修改了同一字段。系统保留并显示最新的值；请选择正确的版本。您的选择将随下一个同步包送达其他站点。</translation>
        </message>
        <message>
            <source>No conflicts: every field has one version.</source>
            <translation>没有冲突：每个字段只有一个版本。</translation>
        </message>
        <message>
            <source>Record type</source>
            <translation>记录类型</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>记录</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <source>Value kept</source>
            <translation>保留的值</translation>
        </message>
        <message>
            <source>Competing values</source>
            <translation>竞争值</translation>
        </message>
        <message>
            <source>Versions side by side</source>
            <translation>版本对照</translation>
        </message>
        <message>
            <source>Division</source>
            <translation>行政区划</translation>
        </message>
        <message>
            <source>Member agency</source>
            <translation>成员单位</translation>
        </message>
        <message>
            <source>Material category</source>
            <translation>物资类别</translation>
        </message>
        <message>
            <source>Unit of measure</source>
            <translation>计量单位</translation>
        </message>
        <message>
            <source>Specialty</source>
            <translation>专业</translation>
        </message>
        <message>
            <source>Depot</source>
            <translation>仓库</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>物资</translation>
        </message>
        <message>
            <source>Lot</source>
            <translation>批次</translation>
        </message>
        <message>
            <source>Expert</source>
            <translation>专家</translation>
        </message>
        <message>
            <source>Reserve norm</source>
            <translation>储备定额</translation>
        </message>
        <message>
            <source>Transfer</source>
            <translation>调拨</translation>
        </message>
        <message>
            <source>Allocation order</source>
            <translation>调拨单</translation>
        </message>
        <message>
            <source>Order line</source>
            <translation>调拨单明细</translation>
        </message>
        <message>
            <source>Order pick</source>
            <translation>调拨单拣货批次</translation>
        </message>
        <message>
            <source>Qualification</source>
            <translation>资质证书</translation>
        </message>
        <message>
            <source>Playbook</source>
            <translation>预案</translation>
        </message>
        <message>
            <source>Playbook phase</source>
            <translation>预案阶段</translation>
        </message>
        <message>
            <source>Playbook task</source>
            <translation>预案任务</translation>
        </message>
        <message>
            <source>Material estimation factor</source>
            <translation>物资测算参数</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <source>Mobile</source>
            <translation>手机</translation>
        </message>
        <message>
            <source>Office phone</source>
            <translation>办公电话</translation>
        </message>
        <message>
            <source>Telephone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Duty phone</source>
            <translation>值班电话</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>工作单位</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Specialties</source>
            <translation>专业</translation>
        </message>
        <message>
            <source>Availability</source>
            <translation>可调用状态</translation>
        </message>
        <message>
            <source>Unavailable from</source>
            <translation>不可调用起始</translation>
        </message>
        <message>
            <source>Unavailable until</source>
            <translation>不可调用截止</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Specification</source>
            <translation>规格</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Shelf life</source>
            <translation>保质期</translation>
        </message>
        <message>
            <source>Storage</source>
            <translation>储存条件</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>已删除</translation>
        </message>
        <message>
            <source>Expires on</source>
            <translation>有效期至</translation>
        </message>
        <message>
            <source>Produced on</source>
            <translation>生产日期</translation>
        </message>
        <message>
            <source>Batch number</source>
            <translation>批号</translation>
        </message>
        <message>
            <source>Manufacturer</source>
            <translation>生产厂家</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>级别</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Contact person</source>
            <translation>联系人</translation>
        </message>
        <message>
            <source>Short name</source>
            <translation>简称</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>优先级</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>概要</translation>
        </message>
        <message>
            <source>Professional title</source>
            <translation>职称</translation>
        </message>
        <message>
            <source>deleted</source>
            <translation>已删除</translation>
        </message>
        <message>
            <source>in use</source>
            <translation>在用</translation>
        </message>
        <message>
            <source>(empty)</source>
            <translation>（空）</translation>
        </message>
        <message>
            <source>Versions side by side: {record}, {field}</source>
            <translation>版本对照：{record}，{field}</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <source>Station</source>
            <translation>站点</translation>
        </message>
        <message>
            <source>Changed by</source>
            <translation>修改人</translation>
        </message>
        <message>
            <source>At</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Kept (shown now)</source>
            <translation>保留的版本（当前显示）</translation>
        </message>
        <message>
            <source>Competing version {number}</source>
            <translation>竞争版本 {number}</translation>
        </message>
        <message>
            <source>Keep this version</source>
            <translation>保留此版本</translation>
        </message>
        <message>
            <source>Restore this version</source>
            <translation>恢复此版本</translation>
        </message>
        <message>
            <source>{record}: {field} is now {value}.</source>
            <translation>{record}：{field}现为 {value}。</translation>
        </message>
    </context>
    <context>
        <name>CountDialog</name>
        <message>
            <source>Stock count</source>
            <translation>盘点</translation>
        </message>
        <message>
            <source>e.g. monthly count</source>
            <translation>如：月度盘点</translation>
        </message>
        <message>
            <source>Depot</source>
            <translation>仓库</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>物资</translation>
        </message>
        <message>
            <source>Lot</source>
            <translation>批次</translation>
        </message>
        <message>
            <source>Book quantity</source>
            <translation>账面数量</translation>
        </message>
        <message>
            <source>Counted quantity</source>
            <translation>实盘数量</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>0 (this lot is not on the books of this depot)</source>
            <translation>0（本仓库账上无此批次）</translation>
        </message>
        <message>
            <source>Counted {counted} of lot {lot} (book {book}, difference {difference}).</source>
            <translation>批次 {lot} 实盘 {counted}（账面 {book}，差异 {difference}）。</translation>
        </message>
    </context>
    <context>
        <name>CreateOrderDialog</name>
        <message>
            <source>New allocation order</source>
            <translation>新建调拨单</translation>
        </message>
        <message>
            <source>Items to allocate</source>
            <translation>调拨物资</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>基本信息</translation>
        </message>
        <message>
            <source>Any depot, city reserves first (FEFO)</source>
            <translation>不限仓库，市级储备优先（效期先出）</translation>
        </message>
        <message>
            <source>None</source>
            <translation>无</translation>
        </message>
        <message>
            <source>Depot</source>
            <translation>仓库</translation>
        </message>
        <message>
            <source>Other unit</source>
            <translation>其他单位</translation>
        </message>
        <message>
            <source>e.g. 衡南县人民医院</source>
            <translation>例如：衡南县人民医院</translation>
        </message>
        <message>
            <source>Delivery address (a depot's own address if empty)</source>
            <translation>送达地址（留空则为接收仓库地址）</translation>
        </message>
        <message>
            <source>The open incident the order serves, if any</source>
            <translation>本调拨单服务的事件（未关闭的事件）</translation>
        </message>
        <message>
            <source>Oral or telephone order (written paperwork due within 48 hours)</source>
            <translation>口头/电话指令（须在 48 小时内补办书面手续）</translation>
        </message>
        <message>
            <source>Who approved or gave the order</source>
            <translation>批准人或指令下达人</translation>
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
            <source>Delivery address</source>
            <translation>送达地址</translation>
        </message>
        <message>
            <source>Requesting unit</source>
            <translation>申请单位</translation>
        </message>
        <message>
            <source>Incident</source>
            <translation>关联事件</translation>
        </message>
        <message>
            <source>Needed by</source>
            <translation>需求时间</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>优先级</translation>
        </message>
        <message>
            <source>Approver</source>
            <translation>批准人</translation>
        </message>
        <message>
            <source>Contacts and transport</source>
            <translation>联系人与运输</translation>
        </message>
        <message>
            <source>Optional now; asked again at dispatch</source>
            <translation>可暂不填写，发运时再填</translation>
        </message>
        <message>
            <source>Issuing contact</source>
            <translation>发出方联系人</translation>
        </message>
        <message>
            <source>Issuing phone</source>
            <translation>发出方电话</translation>
        </message>
        <message>
            <source>Receiving contact</source>
            <translation>接收方联系人</translation>
        </message>
        <message>
            <source>Receiving phone</source>
            <translation>接收方电话</translation>
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
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Required: who gave the oral order</source>
            <translation>必填：口头指令下达人</translation>
        </message>
        <message>
            <source>Allocation order {number} saved ({status}).</source>
            <translation>调拨单 {number} 已保存（{status}）。</translation>
        </message>
        <message>
            <source>Lots picked, earliest expiry first (FEFO):</source>
            <translation>按效期先出（FEFO）拣选的批次：</translation>
        </message>
        <message>
            <source>Item code</source>
            <translation>物资编码</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>物资</translation>
        </message>
        <message>
            <source>Batch number</source>
            <translation>批号</translation>
        </message>
        <message>
            <source>Expiry date</source>
            <translation>有效期至</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>{item} {name}: short by {qty} {unit}</source>
            <translation>{item} {name}：缺 {qty} {unit}</translation>
        </message>
        <message>
            <source>Not enough usable stock in any depot:</source>
            <translation>各仓库可用库存不足：</translation>
        </message>
        <message>
            <source>Receive stock or reduce the quantities before the order is approved.</source>
            <translation>请在批准前补充库存或减少调拨数量。</translation>
        </message>
        <message>
            <source>Short of stock on {count} line(s).</source>
            <translation>其中 {count} 行库存不足。</translation>
        </message>
    </context>
    <context>
        <name>DateField</name>
        <message>
            <source>{field}: {message}</source>
            <translation>{field}：{message}</translation>
        </message>
        <message>
            <source>Choose in the calendar (Alt+Down)</source>
            <translation>在日历中选择（Alt+↓）</translation>
        </message>
        <message>
            <source>The date must be {last} or earlier.</source>
            <translation>日期不能晚于 {last}。</translation>
        </message>
        <message>
            <source>The date must be {first} or later.</source>
            <translation>日期不能早于 {first}。</translation>
        </message>
        <message>
            <source>The date must lie between {first} and {last}.</source>
            <translation>日期须在 {first} 至 {last} 之间。</translation>
        </message>
        <message>
            <source>yyyy-mm-dd</source>
            <translation>年-月-日</translation>
        </message>
        <message>
            <source>Give a date.</source>
            <translation>请填写日期。</translation>
        </message>
        <message>
            <source>yyyy-mm-dd hh:mm</source>
            <translation>年-月-日 时:分</translation>
        </message>
        <message>
            <source>Not a time; write it as 2026-03-01 14:30.</source>
            <translation>不是有效时间，请写成 2026-03-01 14:30。</translation>
        </message>
        <message>
            <source>Give a date and time.</source>
            <translation>请填写日期和时间。</translation>
        </message>
    </context>
    <context>
        <name>DeadlinesDialog</name>
        <message>
            <source>Reporting deadlines</source>
            <translation>报告时限设置</translation>
        </message>
        <message>
            <source>Deadlines of this station (not synchronized). The defaults are those of the regulation named beside each; change them only on instruction.</source>
            <translation>本站的报告时限（不同步到其他站点）。默认值取自各项下方注明的法规依据，非经上级要求请勿修改。</translation>
        </message>
        <message>
            <source> h</source>
            <translation> 小时</translation>
        </message>
        <message>
            <source>Progress reports every (grades I and II)</source>
            <translation>进程报告间隔（I、II 级）</translation>
        </message>
        <message>
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <source>Final report within, after the response ends</source>
            <translation>结案报告期限（响应结束后）</translation>
        </message>
        <message>
            <source>Restore defaults</source>
            <translation>恢复默认</translation>
        </message>
        <message>
            <source>Reporting deadlines saved for this station.</source>
            <translation>本站报告时限已保存。</translation>
        </message>
    </context>
    <context>
        <name>DepotChoice</name>
        <message>
            <source>Depots it may draw on</source>
            <translation>可调用的仓库</translation>
        </message>
        <message>
            <source>Default: the depots of the division and the city reserves</source>
            <translation>默认（事发区划的仓库和市级储备库）</translation>
        </message>
        <message>
            <source>Only the depots checked</source>
            <translation>仅限勾选的仓库</translation>
        </message>
        <message>
            <source>Filter: code or name</source>
            <translation>筛选：编码或名称</translation>
        </message>
        <message>
            <source>{level}, division {division}</source>
            <translation>{level}，行政区划 {division}</translation>
        </message>
        <message>
            <source>The default gives {count} depots (in bold): {own} of the division and {city} city reserves.</source>
            <translation>默认可调用 {count} 个仓库（粗体）：事发区划 {own} 个，市级储备库 {city} 个。</translation>
        </message>
        <message>
            <source>{count} checked.</source>
            <translation>已勾选 {count} 个。</translation>
        </message>
        <message>
            <source>No depot is checked: the default applies.</source>
            <translation>未勾选任何仓库：按默认调用。</translation>
        </message>
    </context>
    <context>
        <name>DepotEditor</name>
        <message>
            <source>Code</source>
            <translation>编码</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>级别</translation>
        </message>
        <message>
            <source>Division</source>
            <translation>行政区划</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Managing agency</source>
            <translation>管理单位</translation>
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
            <source>New depot</source>
            <translation>新建仓库</translation>
        </message>
    </context>
    <context>
        <name>DepotSummaryModel</name>
        <message>
            <source>Code</source>
            <translation>编码</translation>
        </message>
        <message>
            <source>Depot</source>
            <translation>仓库</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>级别</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>品种数</translation>
        </message>
        <message>
            <source>Units in stock</source>
            <translation>库存总量</translation>
        </message>
        <message>
            <source>Lots near expiry</source>
            <translation>近效期批次</translation>
        </message>
        <message>
            <source>Expired lots</source>
            <translation>过期批次</translation>
        </message>
    </context>
    <context>
        <name>DiffModel</name>
        <message>
            <source>What</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>Older version</source>
            <translation>旧版本</translation>
        </message>
        <message>
            <source>Newer version</source>
            <translation>新版本</translation>
        </message>
        <message>
            <source>Version {version}</source>
            <translation>第 {version} 版</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <source>Header</source>
            <translation>基本信息</translation>
        </message>
        <message>
            <source>Phase</source>
            <translation>阶段</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>任务</translation>
        </message>
        <message>
            <source>Factor</source>
            <translation>测算参数</translation>
        </message>
    </context>
    <context>
        <name>DiffView</name>
        <message>
            <source>Compare</source>
            <translation>对比</translation>
        </message>
        <message>
            <source>Playbook</source>
            <translation>预案</translation>
        </message>
        <message>
            <source>Older</source>
            <translation>旧版本</translation>
        </message>
        <message>
            <source>Newer</source>
            <translation>新版本</translation>
        </message>
        <message>
            <source>added</source>
            <translation>新增</translation>
        </message>
        <message>
            <source>removed</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>changed</source>
            <translation>修改</translation>
        </message>
        <message>
            <source>Version {version}</source>
            <translation>第 {version} 版</translation>
        </message>
        <message>
            <source>The two versions are the same.</source>
            <translation>两个版本内容相同。</translation>
        </message>
        <message>
            <source>{count} difference(s).</source>
            <translation>共 {count} 处差异。</translation>
        </message>
    </context>
    <context>
        <name>DispatchDialog</name>
        <message>
            <source>Dispatch allocation order</source>
            <translation>调拨单发运</translation>
        </message>
        <message>
            <source>e.g. 湘D·12345</source>
            <translation>例如：湘D·12345</translation>
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
            <source>Dispatch expert — {number}</source>
            <translation>派遣专家 — {number}</translation>
        </message>
        <message>
            <source>No particular task</source>
            <translation>不指定任务</translation>
        </message>
        <message>
            <source>e.g. on site to guide sampling; contact: Section Chief Wang</source>
            <translation>例如：赴现场指导采样，联络人王科长</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>任务</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Name, pinyin initials (e.g. zs) or organisation</source>
            <translation>姓名、拼音首字母（如 zs）或工作单位</translation>
        </message>
        <message>
            <source>Expert</source>
            <translation>专家</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>工作单位</translation>
        </message>
        <message>
            <source>Specialties</source>
            <translation>专业领域</translation>
        </message>
        <message>
            <source>Qualified until</source>
            <translation>资质有效期至</translation>
        </message>
        <message>
            <source>Find</source>
            <translation>查找</translation>
        </message>
        <message>
            <source>The first {count} shown: type more to narrow.</source>
            <translation>仅显示前 {count} 位：请输入更多字缩小范围。</translation>
        </message>
        <message>
            <source>{count} available today.</source>
            <translation>今日可调用 {count} 人。</translation>
        </message>
        <message>
            <source>Nobody available today matches.</source>
            <translation>今日可调用的专家中没有符合条件的。</translation>
        </message>
        <message>
            <source>No expiry</source>
            <translation>长期有效</translation>
        </message>
        <message>
            <source>Expired {date}</source>
            <translation>已于 {date} 过期</translation>
        </message>
        <message>
            <source>None recorded</source>
            <translation>无资质记录</translation>
        </message>
        <message>
            <source>Choose an expert from the list.</source>
            <translation>请从列表中选择专家。</translation>
        </message>
        <message>
            <source>{name}'s qualifications expired on {date}.</source>
            <translation>{name} 的资质证书已于 {date} 过期，目前没有有效资质。</translation>
        </message>
        <message>
            <source>{name} holds no qualification on record.</source>
            <translation>{name} 没有登记任何资质证书，没有有效资质。</translation>
        </message>
        <message>
            <source>The task asks for {wanted}; {name}'s specialties: {theirs}.</source>
            <translation>该任务需要的专业：{wanted}；{name} 的专业：{theirs}。</translation>
        </message>
        <message>
            <source>The suggestions list only experts with the specialty and a valid qualification; check before dispatching.</source>
            <translation>建议名单只列出专业对口且资质有效的专家；派遣前请核实。</translation>
        </message>
        <message>
            <source>{name} dispatched to incident {number}.</source>
            <translation>已派遣 {name} 参与事件 {number}。</translation>
        </message>
    </context>
    <context>
        <name>DocumentPrinter</name>
        <message>
            <source>No printer is available: none is installed on this computer. You can export the document as PDF now and print it elsewhere.</source>
            <translation>没有可用的打印机：本机未安装打印机。可以先导出为 PDF，再到其他电脑打印。</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>打印</translation>
        </message>
        <message>
            <source>Export as PDF now?</source>
            <translation>是否现在导出 PDF？</translation>
        </message>
        <message>
            <source>{pages} page(s) sent to the printer {name}.</source>
            <translation>已将 {pages} 页发送到打印机 {name}。</translation>
        </message>
        <message>
            <source>Export as PDF</source>
            <translation>导出 PDF</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>Exported to {path}.</source>
            <translation>已导出到 {path}。</translation>
        </message>
    </context>
    <context>
        <name>DraftsDialog</name>
        <message>
            <source>Draft allocation orders</source>
            <translation>生成调拨单</translation>
        </message>
        <message>
            <source>{count} draft order(s) made, earliest expiry first (FEFO):</source>
            <translation>已生成 {count} 张调拨单草稿（按效期先出）：</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Issuing depot</source>
            <translation>发出仓库</translation>
        </message>
        <message>
            <source>Lines</source>
            <translation>行数</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>物资明细</translation>
        </message>
        <message>
            <source>Not in the reserves the incident may draw on:</source>
            <translation>可调用的储备中没有：</translation>
        </message>
        <message>
            <source>The orders are drafts: submit and approve them on the Orders page.</source>
            <translation>以上为草稿，请在“调拨单”页提交并审批。</translation>
        </message>
        <message>
            <source>Open order</source>
            <translation>打开调拨单</translation>
        </message>
    </context>
    <context>
        <name>DrillActions</name>
        <message>
            <source>End drill</source>
            <translation>结束演练</translation>
        </message>
        <message>
            <source>End drill {number}? Its clock stops for good and no more injects are sent; the evaluation and the report follow. A drill that has ended cannot start again.</source>
            <translation>结束演练 {number}？演练时钟将永久停止，不再发出情景注入，随后进行评估和编写报告。已结束的演练不能再次开始。</translation>
        </message>
        <message>
            <source>Drill {number} saved.</source>
            <translation>演练 {number} 已保存。</translation>
        </message>
        <message>
            <source>Nothing was changed.</source>
            <translation>没有任何修改。</translation>
        </message>
        <message>
            <source>Opening drill {number}…</source>
            <translation>正在打开演练 {number}…</translation>
        </message>
        <message>
            <source>Drill {number} has ended.</source>
            <translation>演练 {number} 已结束。</translation>
        </message>
        <message>
            <source>Drill {number} is closed; {count} improvement item(s) are now tracked in the live database.</source>
            <translation>演练 {number} 已关闭；{count} 项改进事项已写入正式数据库跟踪整改。</translation>
        </message>
        <message>
            <source>Close drill</source>
            <translation>关闭演练</translation>
        </message>
        <message>
            <source>Close drill {number}?

Its {count} improvement item(s) will be written into the live database, where they are tracked until done. This is the only thing a drill writes into the live database. The drill is then evaluated and its plan and sandbox are kept as they are.</source>
            <translation>关闭演练 {number}？

其改进计划中的 {count} 项将写入正式数据库，在那里跟踪整改直至完成。这是演练写回正式数据库的唯一内容。关闭后演练状态为“评估完成”，演练方案和演练数据库原样保留。</translation>
        </message>
        <message>
            <source>Write into the live database and close</source>
            <translation>写入正式数据库并关闭</translation>
        </message>
    </context>
    <context>
        <name>DrillBanner</name>
        <message>
            <source>DRILL — loading…</source>
            <translation>演练 — 正在载入…</translation>
        </message>
        <message>
            <source>Leave the drill</source>
            <translation>退出演练</translation>
        </message>
        <message>
            <source>Back to the live database. A running drill's clock is stopped; Resume drill on the Drills page goes on where it stopped.</source>
            <translation>回到正式数据库。进行中的演练时钟将暂停；在“演练”页点击“继续演练”可从暂停处继续。</translation>
        </message>
        <message>
            <source>DRILL IN PROGRESS</source>
            <translation>演练进行中</translation>
        </message>
        <message>
            <source>DRILL PAUSED</source>
            <translation>演练暂停</translation>
        </message>
        <message>
            <source>DRILL ENDED</source>
            <translation>演练已结束</translation>
        </message>
        <message>
            <source>DRILL CLOSED</source>
            <translation>演练已关闭</translation>
        </message>
        <message>
            <source>DRILL</source>
            <translation>演练</translation>
        </message>
        <message>
            <source>clock stopped</source>
            <translation>时钟已停</translation>
        </message>
    </context>
    <context>
        <name>DrillConsole</name>
        <message>
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <source>End drill…</source>
            <translation>结束演练…</translation>
        </message>
        <message>
            <source>Drill report…</source>
            <translation>演练报告…</translation>
        </message>
        <message>
            <source>Speed</source>
            <translation>速度</translation>
        </message>
        <message>
            <source>Console</source>
            <translation>导调台</translation>
        </message>
        <message>
            <source>Evaluation</source>
            <translation>评估</translation>
        </message>
        <message>
            <source>Improvement plan</source>
            <translation>改进计划</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>继续</translation>
        </message>
        <message>
            <source>Scenario time {time}</source>
            <translation>情景时间 {time}</translation>
        </message>
    </context>
    <context>
        <name>DrillDialog</name>
        <message>
            <source>New drill</source>
            <translation>新建演练</translation>
        </message>
        <message>
            <source>Edit drill</source>
            <translation>编辑演练</translation>
        </message>
        <message>
            <source>The drill</source>
            <translation>演练</translation>
        </message>
        <message>
            <source>e.g. 2026 city tabletop exercise: anthrax letters</source>
            <translation>例如：2026年全市炭疽信件桌面推演</translation>
        </message>
        <message>
            <source>How fast the drill's clock runs against the wall clock</source>
            <translation>演练时钟相对实际时间的快慢</translation>
        </message>
        <message>
            <source>Set</source>
            <translation>设定</translation>
        </message>
        <message>
            <source>T+0 on the scenario's calendar; when not set, the moment the drill starts</source>
            <translation>情景中的 T+0 时刻；不设定则为演练开始的时刻</translation>
        </message>
        <message>
            <source>The scenario as the players first hear of it</source>
            <translation>参演人员最初得知的情景</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Speed</source>
            <translation>速度</translation>
        </message>
        <message>
            <source>Scenario start</source>
            <translation>情景起始时间</translation>
        </message>
        <message>
            <source>Scenario</source>
            <translation>情景描述</translation>
        </message>
        <message>
            <source>The simulated incident</source>
            <translation>模拟事件</translation>
        </message>
        <message>
            <source>Not set</source>
            <translation>未指定</translation>
        </message>
        <message>
            <source>Hazard</source>
            <translation>事件类别</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>级别</translation>
        </message>
        <message>
            <source>Division</source>
            <translation>行政区划</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <source>Exposed people</source>
            <translation>暴露人数</translation>
        </message>
        <message>
            <source>Patients</source>
            <translation>患者人数</translation>
        </message>
        <message>
            <source>Responders</source>
            <translation>处置人员</translation>
        </message>
        <message>
            <source>Sites</source>
            <translation>现场（点位）数</translation>
        </message>
        <message>
            <source>not estimated</source>
            <translation>未估计</translation>
        </message>
        <message>
            <source>Area</source>
            <translation>面积</translation>
        </message>
        <message>
            <source>Expected days</source>
            <translation>预计天数</translation>
        </message>
        <message>
            <source>Playbooks exercised</source>
            <translation>检验的预案</translation>
        </message>
    </context>
    <context>
        <name>DrillLabels</name>
        <message>
            <source>{minutes} min</source>
            <translation>{minutes} 分钟</translation>
        </message>
    </context>
    <context>
        <name>DrillList</name>
        <message>
            <source>Number</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Injects</source>
            <translation>注入数</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>开始时间</translation>
        </message>
        <message>
            <source>Ended</source>
            <translation>结束时间</translation>
        </message>
    </context>
    <context>
        <name>DrillMarking</name>
        <message>
            <source>&amp;Leave the drill</source>
            <translation>退出演练(&amp;L)</translation>
        </message>
        <message>
            <source>[DRILL] </source>
            <translation>【演练】</translation>
        </message>
        <message>
            <source>[DRILL] {number} — </source>
            <translation>【演练】{number} — </translation>
        </message>
    </context>
    <context>
        <name>DrillReport</name>
        <message>
            <source>{number} after-action report</source>
            <translation>{number} 演练总结评估报告</translation>
        </message>
    </context>
    <context>
        <name>DrillSession</name>
        <message>
            <source>The drill's clock is stopped.</source>
            <translation>演练时钟已暂停。</translation>
        </message>
        <message>
            <source>The drill's clock runs again.</source>
            <translation>演练时钟已恢复运行。</translation>
        </message>
        <message>
            <source>The drill runs at ×{speed}.</source>
            <translation>演练时钟以 ×{speed} 运行。</translation>
        </message>
        <message>
            <source>The drill has ended. Evaluate it, write its report, then close it.</source>
            <translation>演练已结束。请完成评估、编写报告，然后关闭演练。</translation>
        </message>
    </context>
    <context>
        <name>DrillsPage</name>
        <message>
            <source>Drills</source>
            <translation>演练</translation>
        </message>
        <message>
            <source>Drill console</source>
            <translation>演练导调台</translation>
        </message>
        <message>
            <source>Opening the drill…</source>
            <translation>正在打开演练…</translation>
        </message>
        <message>
            <source>New drill…</source>
            <translation>新建演练…</translation>
        </message>
        <message>
            <source>Search: number, name</source>
            <translation>搜索：编号、名称</translation>
        </message>
        <message>
            <source>{count} drill(s)</source>
            <translation>共 {count} 次演练</translation>
        </message>
        <message>
            <source>Drill {number} planned.</source>
            <translation>演练 {number} 已创建。</translation>
        </message>
    </context>
    <context>
        <name>DueGrid</name>
        <message>
            <source>Due</source>
            <translation>应测日期</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>逾期</translation>
        </message>
        <message>
            <source>Incident</source>
            <translation>事件</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>对象</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>监测项目</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Abnormal</source>
            <translation>异常</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Normal range</source>
            <translation>正常范围</translation>
        </message>
        <message>
            <source>Agency</source>
            <translation>负责单位</translation>
        </message>
        <message>
            <source>{days} d</source>
            <translation>{days} 天</translation>
        </message>
        <message>
            <source>out of range</source>
            <translation>超出范围</translation>
        </message>
        <message>
            <source>Outside the normal range {range}: saved as abnormal.</source>
            <translation>超出正常范围 {range}：将按异常保存。</translation>
        </message>
    </context>
    <context>
        <name>DueTab</name>
        <message>
            <source>Save results</source>
            <translation>保存结果</translation>
        </message>
        <message>
            <source>All agencies</source>
            <translation>全部单位</translation>
        </message>
        <message>
            <source>This incident only</source>
            <translation>仅本事件</translation>
        </message>
        <message>
            <source>Agency</source>
            <translation>负责单位</translation>
        </message>
        <message>
            <source>Type the value, Enter or Tab: next row (Shift+Tab: back); F9: mark abnormal; Ctrl+S: save. A value outside the normal range turns red and is saved as abnormal.</source>
            <translation>输入结果后按 Enter 或 Tab 转到下一行（Shift+Tab 返回上一行）；F9 标记异常；Ctrl+S 保存。超出正常范围的数值即时标红，并按异常保存。</translation>
        </message>
        <message>
            <source>Mark abnormal</source>
            <translation>标记异常</translation>
        </message>
        <message>
            <source>{date} · {due} due today · {overdue} overdue</source>
            <translation>{date} · 今日应测 {due} 项 · 逾期 {overdue} 项</translation>
        </message>
        <message>
            <source>{count} result(s) saved.</source>
            <translation>已保存 {count} 条结果。</translation>
        </message>
        <message>
            <source>{count} abnormal: an alert is raised and the incident's log notes it.</source>
            <translation>其中 {count} 条异常：已发出预警并记入事件大事记。</translation>
        </message>
        <message>
            <source>{count} refused (in red; the reason on the row).</source>
            <translation>{count} 条未保存（红色行，鼠标悬停可见原因）。</translation>
        </message>
    </context>
    <context>
        <name>EndDialog</name>
        <message>
            <source>End schedule early — {measure}</source>
            <translation>提前结束监测计划 — {measure}</translation>
        </message>
        <message>
            <source>e.g. the source was ruled out by the laboratory</source>
            <translation>例如：实验室检测已排除污染来源</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>监测计划</translation>
        </message>
        <message>
            <source>Last day</source>
            <translation>最后一天</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
    </context>
    <context>
        <name>EntryDialog</name>
        <message>
            <source>Add log entry — {number}</source>
            <translation>添加记事 — {number}</translation>
        </message>
        <message>
            <source>What happened, who decided, what follows</source>
            <translation>发生了什么、由谁决定、后续安排</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Entry</source>
            <translation>记事</translation>
        </message>
    </context>
    <context>
        <name>EvaluationTab</name>
        <message>
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <source>Objective</source>
            <translation>目标</translation>
        </message>
        <message>
            <source>Tests</source>
            <translation>检验依据</translation>
        </message>
        <message>
            <source>Met / late / missed / pending</source>
            <translation>按时 / 超时 / 未完成 / 待完成</translation>
        </message>
        <message>
            <source>Rating</source>
            <translation>评定</translation>
        </message>
        <message>
            <source>Rating note</source>
            <translation>评定说明</translation>
        </message>
        <message>
            <source>Drill time</source>
            <translation>演练时间</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Observation</source>
            <translation>观察记录</translation>
        </message>
        <message>
            <source>By</source>
            <translation>记录人</translation>
        </message>
        <message>
            <source>Objectives and ratings</source>
            <translation>演练目标与评定</translation>
        </message>
        <message>
            <source>Rate…</source>
            <translation>评定…</translation>
        </message>
        <message>
            <source>Observations</source>
            <translation>观察记录</translation>
        </message>
        <message>
            <source>Add observation…</source>
            <translation>添加观察…</translation>
        </message>
        <message>
            <source>Objective {code} rated.</source>
            <translation>目标 {code} 已评定。</translation>
        </message>
        <message>
            <source>Observation recorded.</source>
            <translation>观察记录已添加。</translation>
        </message>
    </context>
    <context>
        <name>ExpectedPanel</name>
        <message>
            <source>Inject</source>
            <translation>注入</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>行动</translation>
        </message>
        <message>
            <source>Expected</source>
            <translation>预期行动</translation>
        </message>
        <message>
            <source>Agency</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Objective</source>
            <translation>目标</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>时限</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>完成于</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Evaluator</source>
            <translation>评估员</translation>
        </message>
        <message>
            <source>{minutes} min after the inject</source>
            <translation>注入发出后 {minutes} 分钟内</translation>
        </message>
        <message>
            <source>judged</source>
            <translation>已评判</translation>
        </message>
        <message>
            <source>Judge…</source>
            <translation>评判…</translation>
        </message>
        <message>
            <source>An evaluator's judgement of the chosen action: it stands over the one computed from what the players did</source>
            <translation>评估员对所选预期行动的评判：优先于根据参演人员操作自动计算的结果</translation>
        </message>
        <message>
            <source>Expected actions</source>
            <translation>预期行动</translation>
        </message>
        <message>
            <source>Judged: inject {no}, {action}.</source>
            <translation>已评判：注入 {no}，{action}。</translation>
        </message>
    </context>
    <context>
        <name>ExpertCalendar</name>
        <message>
            <source>Shaded days: at least one expert is unavailable or on a mission.</source>
            <translation>底色标出的日期：至少有一名专家不可调用或正在执行任务。</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>工作单位</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Specialty</source>
            <translation>专业领域</translation>
        </message>
        <message>
            <source>Number available</source>
            <translation>可调用人数</translation>
        </message>
        <message>
            <source>Experts available</source>
            <translation>可调用专家</translation>
        </message>
        <message>
            <source>Unavailable that day</source>
            <translation>当日不可调用</translation>
        </message>
        <message>
            <source>Available that day, by specialty</source>
            <translation>当日可调用（按专业领域）</translation>
        </message>
        <message>
            <source>On a mission</source>
            <translation>执行任务中</translation>
        </message>
        <message>
            <source>Unavailable {start}–{end}</source>
            <translation>不可调用 {start}–{end}</translation>
        </message>
        <message>
            <source>{day}: {away} unavailable, {available} available</source>
            <translation>{day}：{away} 人不可调用，{available} 人可调用</translation>
        </message>
    </context>
    <context>
        <name>ExpertEditor</name>
        <message>
            <source>e.g. 主任医师</source>
            <translation>例如 主任医师</translation>
        </message>
        <message>
            <source>11 digits starting with 1</source>
            <translation>11 位数字，以 1 开头</translation>
        </message>
        <message>
            <source>e.g. 0734-8123456</source>
            <translation>例如 0734-8123456</translation>
        </message>
        <message>
            <source>Available</source>
            <translation>可调用</translation>
        </message>
        <message>
            <source>On a mission</source>
            <translation>执行任务中</translation>
        </message>
        <message>
            <source>Unavailable</source>
            <translation>不可调用</translation>
        </message>
        <message>
            <source>from</source>
            <translation>自</translation>
        </message>
        <message>
            <source>to</source>
            <translation>至</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>工作单位</translation>
        </message>
        <message>
            <source>Professional title</source>
            <translation>职称</translation>
        </message>
        <message>
            <source>Specialties</source>
            <translation>专业领域</translation>
        </message>
        <message>
            <source>Home division</source>
            <translation>所属区划</translation>
        </message>
        <message>
            <source>Mobile</source>
            <translation>手机</translation>
        </message>
        <message>
            <source>Office phone</source>
            <translation>办公电话</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Availability</source>
            <translation>可调用状态</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Keep</source>
            <translation>保留</translation>
        </message>
        <message>
            <source>New</source>
            <translation>新建</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Qualifications and certificates</source>
            <translation>资质证书</translation>
        </message>
        <message>
            <source>New expert</source>
            <translation>新专家</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <source>Remove {name} and the qualifications from the roster?</source>
            <translation>将 {name} 及其资质证书从专家库中删除？</translation>
        </message>
        <message>
            <source>Removed from the roster.</source>
            <translation>已从专家库中删除。</translation>
        </message>
    </context>
    <context>
        <name>ExpertList</name>
        <message>
            <source>On a mission</source>
            <translation>执行任务中</translation>
        </message>
        <message>
            <source>Unavailable {start}–{end}</source>
            <translation>不可调用 {start}–{end}</translation>
        </message>
        <message>
            <source>Available</source>
            <translation>可调用</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>工作单位</translation>
        </message>
        <message>
            <source>Professional title</source>
            <translation>职称</translation>
        </message>
        <message>
            <source>Specialties</source>
            <translation>专业领域</translation>
        </message>
        <message>
            <source>Home division</source>
            <translation>所属区划</translation>
        </message>
        <message>
            <source>Mobile</source>
            <translation>手机</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Certificate expires</source>
            <translation>证书到期</translation>
        </message>
        <message>
            <source>Possible duplicate</source>
            <translation>疑似重复</translation>
        </message>
    </context>
    <context>
        <name>ExpertsPage</name>
        <message>
            <source>Import experts…</source>
            <translation>导入专家…</translation>
        </message>
        <message>
            <source>Import the roster from a spreadsheet</source>
            <translation>从电子表格导入专家</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <source>Export the roster to an .xlsx workbook</source>
            <translation>将专家库导出为 .xlsx 工作簿</translation>
        </message>
        <message>
            <source>Phone numbers masked (138****1234)…</source>
            <translation>电话号码打码（138****1234）…</translation>
        </message>
        <message>
            <source>Full phone numbers…</source>
            <translation>完整电话号码…</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>Experts</source>
            <translation>专家</translation>
        </message>
        <message>
            <source>Calendar</source>
            <translation>日历</translation>
        </message>
        <message>
            <source>Certificate alerts</source>
            <translation>证书预警</translation>
        </message>
        <message>
            <source>Member agencies</source>
            <translation>成员单位</translation>
        </message>
        <message>
            <source>Expert roster</source>
            <translation>专家库</translation>
        </message>
        <message>
            <source>Export the expert roster</source>
            <translation>导出专家库</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>正在导出…</translation>
        </message>
        <message>
            <source>{count} experts exported to {path}.</source>
            <translation>已将 {count} 名专家导出到 {path}。</translation>
        </message>
    </context>
    <context>
        <name>ExpertsTab</name>
        <message>
            <source>Task, specialty, expert</source>
            <translation>任务 / 专业 / 专家</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>工作单位</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>职称</translation>
        </message>
        <message>
            <source>Mobile</source>
            <translation>手机</translation>
        </message>
        <message>
            <source>Qualified until</source>
            <translation>资质有效期至</translation>
        </message>
        <message>
            <source>Experts suggested for the tasks</source>
            <translation>按任务建议的专家</translation>
        </message>
        <message>
            <source>Dispatch…</source>
            <translation>派遣…</translation>
        </message>
        <message>
            <source>Find an expert…</source>
            <translation>查找专家…</translation>
        </message>
        <message>
            <source>Expert</source>
            <translation>专家</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>任务</translation>
        </message>
        <message>
            <source>Dispatched</source>
            <translation>派遣时间</translation>
        </message>
        <message>
            <source>Released</source>
            <translation>解除时间</translation>
        </message>
        <message>
            <source>Dispatched to this incident</source>
            <translation>已派遣专家</translation>
        </message>
        <message>
            <source>Release…</source>
            <translation>召回/解除…</translation>
        </message>
        <message>
            <source>Experts available today with the specialty and a valid qualification, longest-valid certificates first; Find an expert… sends anyone available today. A dispatched expert is on a mission until released (closing the incident releases everyone).</source>
            <translation>列出今日可调用、具备该专业且资质有效的专家，证书有效期长者在前；“查找专家…”可派遣今日可调用的任何专家。派遣后专家状态为“执行任务中”，直至解除（关闭事件时全部解除）。</translation>
        </message>
        <message>
            <source>{specialty}: {count} needed, {out} dispatched, {candidates} available</source>
            <translation>{specialty}：需 {count} 人，已派 {out} 人，可调用 {candidates} 人</translation>
        </message>
        <message>
            <source>No open task needs experts.</source>
            <translation>尚无需要专家的未完成任务。</translation>
        </message>
        <message>
            <source>Out</source>
            <translation>执行任务中</translation>
        </message>
        <message>
            <source>{count} out now</source>
            <translation>在岗 {count} 人</translation>
        </message>
        <message>
            <source>Release expert</source>
            <translation>解除派遣</translation>
        </message>
        <message>
            <source>Release {name} from incident {number}? They become available again.</source>
            <translation>解除 {name} 在事件 {number} 中的派遣？该专家将恢复为可调用。</translation>
        </message>
        <message>
            <source>{name} released.</source>
            <translation>已解除 {name} 的派遣。</translation>
        </message>
    </context>
    <context>
        <name>ExpertsView</name>
        <message>
            <source>Search experts: name, pinyin initials (zs) or organisation</source>
            <translation>搜索专家：姓名、拼音首字母（zs）或工作单位</translation>
        </message>
        <message>
            <source>Only those available</source>
            <translation>仅显示可调用</translation>
        </message>
        <message>
            <source>Specialty</source>
            <translation>专业领域</translation>
        </message>
        <message>
            <source>All specialties</source>
            <translation>全部专业领域</translation>
        </message>
        <message>
            <source>{count} experts</source>
            <translation>{count} 名专家</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export the monitoring — {number}</source>
            <translation>导出监测数据 — {number}</translation>
        </message>
        <message>
            <source>Write ID numbers and phones in full</source>
            <translation>完整导出身份证号和电话</translation>
        </message>
        <message>
            <source>Why they are needed in full (recorded)</source>
            <translation>需要完整信息的原因（将记录在案）</translation>
        </message>
        <message>
            <source>By default ID numbers and phones are masked (430422********1234).</source>
            <translation>默认身份证号和电话均遮蔽导出（如 430422********1234）。</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Export to</source>
            <translation>导出到</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Choose the file to write.</source>
            <translation>请选择要写入的文件。</translation>
        </message>
        <message>
            <source>{people} people and {results} results exported to {path}.</source>
            <translation>已将 {people} 人、{results} 条结果导出到 {path}。</translation>
        </message>
        <message>
            <source>ID numbers and phones are masked.</source>
            <translation>身份证号和电话已遮蔽。</translation>
        </message>
        <message>
            <source>ID numbers and phones are in full; this is recorded.</source>
            <translation>身份证号和电话为完整信息；此次导出已记录。</translation>
        </message>
    </context>
    <context>
        <name>ExportRunner</name>
        <message>
            <source>Export stock, ledger and alerts</source>
            <translation>导出库存、台账和预警</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Writing {file}…</source>
            <translation>正在写入 {file}…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>The export was cancelled; no file was written.</source>
            <translation>导出已取消，未写入文件。</translation>
        </message>
        <message>
            <source>Exported to {path}:</source>
            <translation>已导出到 {path}：</translation>
        </message>
    </context>
    <context>
        <name>FactorsPanel</name>
        <message>
            <source>catalogue item code, or empty for a category</source>
            <translation>物资目录编码；按类别测算时留空</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>物资</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Basis</source>
            <translation>测算基数</translation>
        </message>
        <message>
            <source>Quantity per day</source>
            <translation>每日用量</translation>
        </message>
        <message>
            <source>Days</source>
            <translation>天数</translation>
        </message>
        <message>
            <source>Buffer</source>
            <translation>冗余</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Add as new factor</source>
            <translation>添加为新参数</translation>
        </message>
        <message>
            <source>Save factor</source>
            <translation>保存参数</translation>
        </message>
        <message>
            <source>Per day</source>
            <translation>每日用量</translation>
        </message>
        <message>
            <source>Buffer %</source>
            <translation>冗余 %</translation>
        </message>
    </context>
    <context>
        <name>FirstAdminDialog</name>
        <message>
            <source>Create the administrator — BioReserve</source>
            <translation>创建系统管理员 — 生物安全应急储备与处置系统</translation>
        </message>
        <message>
            <source>This database has no user accounts yet. Create its administrator: the account that adds the others (用户管理) and sets their roles.</source>
            <translation>本数据库尚无用户账户。请先创建系统管理员：由其在“用户管理”中添加其他账户并设定角色。</translation>
        </message>
        <message>
            <source>Station: {station}</source>
            <translation>站点：{station}</translation>
        </message>
        <message>
            <source>Account name</source>
            <translation>账户名</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Password again</source>
            <translation>再次输入密码</translation>
        </message>
        <message>
            <source>At least 8 characters, of at least two kinds (letters, digits, other characters), not the account's name.</source>
            <translation>至少 8 个字符，至少包含字母、数字、其他字符中的两类，且不得与账户名相同。</translation>
        </message>
        <message>
            <source>Create and log in</source>
            <translation>创建并登录</translation>
        </message>
    </context>
    <context>
        <name>FormDialog</name>
        <message>
            <source>The entry could not be saved because of an unexpected error.</source>
            <translation>发生意外错误，未能保存。</translation>
        </message>
    </context>
    <context>
        <name>GradeDialog</name>
        <message>
            <source>Change grade — {number}</source>
            <translation>调整级别 — {number}</translation>
        </message>
        <message>
            <source>e.g. 12 confirmed cases, two counties affected</source>
            <translation>例如：确诊病例增至 12 例，波及两个县</translation>
        </message>
        <message>
            <source>Raising the grade adds the tasks of the activated playbooks that apply from the new grade; lowering it removes none.</source>
            <translation>升级时，已启动预案中自新级别起适用的任务会加入事件；降级不删除任何任务。</translation>
        </message>
        <message>
            <source>Current grade</source>
            <translation>当前级别</translation>
        </message>
        <message>
            <source>New grade</source>
            <translation>新级别</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>理由</translation>
        </message>
        <message>
            <source>Grade changed: {old} → {new}.</source>
            <translation>级别已调整：{old} → {new}。</translation>
        </message>
        <message>
            <source>{count} task(s) added.</source>
            <translation>新增任务 {count} 项。</translation>
        </message>
    </context>
    <context>
        <name>HandleDialog</name>
        <message>
            <source>Handle alert — {incident}</source>
            <translation>处理预警 — {incident}</translation>
        </message>
        <message>
            <source>e.g. re-checked the next day; referred to the hospital</source>
            <translation>例如：次日复测正常；已转定点医院</translation>
        </message>
        <message>
            <source>Abnormal result</source>
            <translation>异常结果</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>What was done</source>
            <translation>处理情况</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Import a spreadsheet</source>
            <translation>导入表格</translation>
        </message>
        <message>
            <source>Catalogue items</source>
            <translation>物资目录</translation>
        </message>
        <message>
            <source>Depots</source>
            <translation>仓库</translation>
        </message>
        <message>
            <source>Stock (opening balances or receipts)</source>
            <translation>库存（期初或入库）</translation>
        </message>
        <message>
            <source>Reserve norms</source>
            <translation>储备定额</translation>
        </message>
        <message>
            <source>Experts</source>
            <translation>专家</translation>
        </message>
        <message>
            <source>.xlsx or .csv file</source>
            <translation>.xlsx 或 .csv 文件</translation>
        </message>
        <message>
            <source>Choose file…</source>
            <translation>选择文件…</translation>
        </message>
        <message>
            <source>Save template…</source>
            <translation>保存模板…</translation>
        </message>
        <message>
            <source>Import the good rows and skip the bad ones</source>
            <translation>导入正确的行，跳过有误的行</translation>
        </message>
        <message>
            <source>Contents</source>
            <translation>导入内容</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Choose what to import and the file, then check it.</source>
            <translation>请选择导入内容和文件，然后检查。</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>行号</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>列</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>检查</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Checking {file}…</source>
            <translation>正在检查 {file}…</translation>
        </message>
        <message>
            <source>Importing {file}…</source>
            <translation>正在导入 {file}…</translation>
        </message>
        <message>
            <source>Imported before</source>
            <translation>此前已导入</translation>
        </message>
        <message>
            <source>{when}  {who}  {file} ({rows} rows)</source>
            <translation>{when}  {who}  {file}（{rows} 行）</translation>
        </message>
        <message>
            <source>Imported before:</source>
            <translation>此前的导入：</translation>
        </message>
        <message>
            <source>Import it again? Its rows would be recorded a second time.</source>
            <translation>仍要再次导入吗？其中各行将被再记录一次。</translation>
        </message>
        <message>
            <source>Import again</source>
            <translation>再次导入</translation>
        </message>
        <message>
            <source>Choose the file to import.</source>
            <translation>请选择要导入的文件。</translation>
        </message>
        <message>
            <source>There is no file {path}.</source>
            <translation>文件 {path} 不存在。</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Imported {imported} of {total} rows.</source>
            <translation>已导入 {total} 行中的 {imported} 行。</translation>
        </message>
        <message>
            <source>{skipped} bad rows were skipped; they are listed below.</source>
            <translation>跳过了 {skipped} 个有误的行，见下表。</translation>
        </message>
        <message>
            <source>All {total} rows are valid. Press Import to import them.</source>
            <translation>全部 {total} 行均无误。请点击“导入”。</translation>
        </message>
        <message>
            <source>The header row does not match the template; nothing was imported.</source>
            <translation>表头与模板不符，未导入任何数据。</translation>
        </message>
        <message>
            <source>{bad} of {total} rows have errors (listed below); nothing was imported. Correct the file, or tick “skip the bad ones” to import the other rows.</source>
            <translation>{total} 行中有 {bad} 行有误（见下表），未导入任何数据。请改正文件，或勾选“跳过有误的行”导入其余行。</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <source>Choose the file to import</source>
            <translation>选择要导入的文件</translation>
        </message>
        <message>
            <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
            <translation>表格文件 (*.xlsx *.csv);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Save template</source>
            <translation>保存模板</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Template saved to {path}.</source>
            <translation>模板已保存到 {path}。</translation>
        </message>
    </context>
    <context>
        <name>ImprovementDialog</name>
        <message>
            <source>New improvement item</source>
            <translation>新增改进事项</translation>
        </message>
        <message>
            <source>Improvement item {no}</source>
            <translation>改进事项 {no}</translation>
        </message>
        <message>
            <source>What did not work, as the evaluators saw it</source>
            <translation>评估员发现的问题</translation>
        </message>
        <message>
            <source>What will be done about it</source>
            <translation>将采取的整改措施</translation>
        </message>
        <message>
            <source>Not named yet</source>
            <translation>暂未指定</translation>
        </message>
        <message>
            <source>Set</source>
            <translation>设定</translation>
        </message>
        <message>
            <source>The whole drill</source>
            <translation>整个演练</translation>
        </message>
        <message>
            <source>Issue</source>
            <translation>问题</translation>
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
            <source>Due</source>
            <translation>完成时限</translation>
        </message>
        <message>
            <source>Objective</source>
            <translation>目标</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
    </context>
    <context>
        <name>ImprovementsTab</name>
        <message>
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>Issue</source>
            <translation>问题</translation>
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
            <source>Due</source>
            <translation>完成时限</translation>
        </message>
        <message>
            <source>Objective</source>
            <translation>目标</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>新增…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Improvement item added.</source>
            <translation>改进事项已添加。</translation>
        </message>
        <message>
            <source>Improvement item saved.</source>
            <translation>改进事项已保存。</translation>
        </message>
    </context>
    <context>
        <name>IncidentDetail</name>
        <message>
            <source>Assignment list…</source>
            <translation>任务分工单…</translation>
        </message>
        <message>
            <source>Summary report…</source>
            <translation>事件总结报告…</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>概况</translation>
        </message>
        <message>
            <source>Tasks</source>
            <translation>任务</translation>
        </message>
        <message>
            <source>Material needs</source>
            <translation>物资需求</translation>
        </message>
        <message>
            <source>Information reports</source>
            <translation>信息报告</translation>
        </message>
        <message>
            <source>Log</source>
            <translation>大事记</translation>
        </message>
        <message>
            <source>Experts</source>
            <translation>专家</translation>
        </message>
        <message>
            <source>Choose an incident, or record a new one.</source>
            <translation>请选择一个事件，或新建事件。</translation>
        </message>
        <message>
            <source>Tasks ({overdue} overdue)</source>
            <translation>任务（逾期 {overdue}）</translation>
        </message>
    </context>
    <context>
        <name>IncidentDialog</name>
        <message>
            <source>— choose —</source>
            <translation>— 请选择 —</translation>
        </message>
        <message>
            <source>New incident</source>
            <translation>新建事件</translation>
        </message>
        <message>
            <source>Edit incident</source>
            <translation>编辑事件</translation>
        </message>
        <message>
            <source>The event</source>
            <translation>事件情况</translation>
        </message>
        <message>
            <source>e.g. White powder found in a letter at a Hengnan sorting centre</source>
            <translation>例如：衡南县某镇邮政分拣中心发现信件内有不明白色粉末</translation>
        </message>
        <message>
            <source>Grades of the national public-health emergency plan (not the city plan)</source>
            <translation>分级依据《国家突发公共卫生事件应急预案》（市预案未分级）</translation>
        </message>
        <message>
            <source>Town, street, site</source>
            <translation>乡镇、街道、具体地点</translation>
        </message>
        <message>
            <source>What happened, as first reported</source>
            <translation>首次报告的事件经过</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Hazard</source>
            <translation>事件类别</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>级别</translation>
        </message>
        <message>
            <source>Confirmation</source>
            <translation>确认程度</translation>
        </message>
        <message>
            <source>Division</source>
            <translation>行政区划</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <source>Reported at</source>
            <translation>报告时间</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>事件概况</translation>
        </message>
        <message>
            <source>Command</source>
            <translation>指挥</translation>
        </message>
        <message>
            <source>Not named yet</source>
            <translation>尚未指定</translation>
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
            <source>Commander's phone</source>
            <translation>指挥联系电话</translation>
        </message>
        <message>
            <source>Scale (for the material needs)</source>
            <translation>规模（用于物资测算）</translation>
        </message>
        <message>
            <source>Exposed people</source>
            <translation>暴露人数</translation>
        </message>
        <message>
            <source>Patients</source>
            <translation>患者人数</translation>
        </message>
        <message>
            <source>Responders</source>
            <translation>处置人员</translation>
        </message>
        <message>
            <source>Sites</source>
            <translation>现场（点位）数</translation>
        </message>
        <message>
            <source>not estimated</source>
            <translation>未估计</translation>
        </message>
        <message>
            <source>Area</source>
            <translation>面积</translation>
        </message>
        <message>
            <source>Expected days</source>
            <translation>预计天数</translation>
        </message>
        <message>
            <source>Change the grade with Change grade….</source>
            <translation>级别请通过“调整级别…”变更。</translation>
        </message>
    </context>
    <context>
        <name>IncidentDocuments</name>
        <message>
            <source>{number} assignment list {agency}</source>
            <translation>{number} 任务分工单 {agency}</translation>
        </message>
        <message>
            <source>{number} incident summary report</source>
            <translation>{number} 事件总结报告</translation>
        </message>
        <message>
            <source>{number} log of significant events</source>
            <translation>{number} 大事记</translation>
        </message>
    </context>
    <context>
        <name>IncidentList</name>
        <message>
            <source>Number</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Hazard</source>
            <translation>事件类别</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>级别</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Division</source>
            <translation>行政区划</translation>
        </message>
        <message>
            <source>Reported</source>
            <translation>报告时间</translation>
        </message>
        <message>
            <source>Tasks</source>
            <translation>任务</translation>
        </message>
        <message>
            <source>Overdue tasks</source>
            <translation>逾期任务</translation>
        </message>
    </context>
    <context>
        <name>IncidentsPage</name>
        <message>
            <source>Incidents</source>
            <translation>事件</translation>
        </message>
        <message>
            <source>New incident…</source>
            <translation>新建事件…</translation>
        </message>
        <message>
            <source>Search: number, title, place</source>
            <translation>搜索：编号、标题、地点</translation>
        </message>
        <message>
            <source>Open incidents only</source>
            <translation>仅显示未关闭</translation>
        </message>
        <message>
            <source>{count} incident(s)</source>
            <translation>共 {count} 个事件</translation>
        </message>
        <message>
            <source>Incident {number} recorded.</source>
            <translation>事件 {number} 已登记。</translation>
        </message>
    </context>
    <context>
        <name>InjectsPanel</name>
        <message>
            <source>Sent</source>
            <translation>发出时间</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>From</source>
            <translation>发出方</translation>
        </message>
        <message>
            <source>To</source>
            <translation>接收单位</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>方式</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>预计发出</translation>
        </message>
        <message>
            <source>contingency</source>
            <translation>备用</translation>
        </message>
        <message>
            <source>manual</source>
            <translation>手动</translation>
        </message>
        <message>
            <source>waiting</source>
            <translation>等待前序注入</translation>
        </message>
        <message>
            <source>All agencies</source>
            <translation>全部单位</translation>
        </message>
        <message>
            <source>Addressed to</source>
            <translation>接收单位</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>已接收</translation>
        </message>
        <message>
            <source>Dealt with</source>
            <translation>已处置</translation>
        </message>
        <message>
            <source>Injects sent (newest first)</source>
            <translation>已发出的情景注入（最新在上）</translation>
        </message>
        <message>
            <source>Send now</source>
            <translation>手动发出</translation>
        </message>
        <message>
            <source>Send the chosen inject now: a manual or contingency one, or one ahead of its time</source>
            <translation>立即发出所选注入：手动注入、备用注入，或提前发出定时注入</translation>
        </message>
        <message>
            <source>Injects to come</source>
            <translation>待发注入</translation>
        </message>
        <message>
            <source>{sent} of {total} sent</source>
            <translation>已发出 {sent} / 共 {total} 条</translation>
        </message>
        <message>
            <source>Inject {no}: {state}.</source>
            <translation>注入 {no}：{state}。</translation>
        </message>
        <message>
            <source>Inject {no} sent.</source>
            <translation>注入 {no} 已发出。</translation>
        </message>
    </context>
    <context>
        <name>IssueDialog</name>
        <message>
            <source>Issue stock</source>
            <translation>出库</translation>
        </message>
        <message>
            <source>Depot</source>
            <translation>仓库</translation>
        </message>
        <message>
            <source>e.g. emergency response, routine use</source>
            <translation>如：应急处置、日常领用</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Document number</source>
            <translation>单据号</translation>
        </message>
        <message>
            <source>Issued {qty} of {item} from {lots} lot(s).</source>
            <translation>{item} 已出库 {qty}，涉及 {lots} 个批次。</translation>
        </message>
    </context>
    <context>
        <name>ItemPicker</name>
        <message>
            <source>Code, name or pinyin initials (e.g. kz for 口罩)</source>
            <translation>编码、名称或拼音首字母（如 kz 查口罩）</translation>
        </message>
    </context>
    <context>
        <name>JournalTab</name>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>事项</translation>
        </message>
        <message>
            <source>By</source>
            <translation>记录人</translation>
        </message>
        <message>
            <source>Add entry…</source>
            <translation>添加记事…</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <source>{count} entries</source>
            <translation>共 {count} 条</translation>
        </message>
        <message>
            <source>Entry added to the log.</source>
            <translation>已记入大事记。</translation>
        </message>
    </context>
    <context>
        <name>LedgerModel</name>
        <message>
            <source>Receipt</source>
            <translation>入库</translation>
        </message>
        <message>
            <source>Issue</source>
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
            <source>Count</source>
            <translation>盘点</translation>
        </message>
        <message>
            <source>Write-off</source>
            <translation>报废</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Movement</source>
            <translation>业务类型</translation>
        </message>
        <message>
            <source>Depot</source>
            <translation>仓库</translation>
        </message>
        <message>
            <source>Item code</source>
            <translation>物资编码</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>物资</translation>
        </message>
        <message>
            <source>Batch number</source>
            <translation>批号</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>单据号</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
    </context>
    <context>
        <name>LedgerView</name>
        <message>
            <source>All movements</source>
            <translation>全部类型</translation>
        </message>
        <message>
            <source>All items</source>
            <translation>全部物资</translation>
        </message>
        <message>
            <source>Depot</source>
            <translation>仓库</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>物资</translation>
        </message>
        <message>
            <source>Movement</source>
            <translation>业务类型</translation>
        </message>
        <message>
            <source>All depots</source>
            <translation>全部仓库</translation>
        </message>
        <message>
            <source>{rows} movements</source>
            <translation>共 {rows} 条流水</translation>
        </message>
        <message>
            <source>{rows} movements loaded; scroll down for more</source>
            <translation>已加载 {rows} 条流水，向下滚动加载更多</translation>
        </message>
        <message>
            <source>{total} in the ledger</source>
            <translation>台账共 {total} 条</translation>
        </message>
    </context>
    <context>
        <name>LineDialog</name>
        <message>
            <source>Add planning line</source>
            <translation>添加测算行</translation>
        </message>
        <message>
            <source>Change planning line</source>
            <translation>修改测算行</translation>
        </message>
        <message>
            <source>Required = quantity per day × scale × days × (1 + buffer); the days are capped by the incident's expected days.</source>
            <translation>需求量 = 每日用量 × 规模 × 天数 × (1 + 冗余)；天数不超过事件的预计天数。</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>物资</translation>
        </message>
        <message>
            <source>Planned for the category {category}: another item of that category may be named.</source>
            <translation>本行按类别“{category}”测算，可改为该类别中的其他物资。</translation>
        </message>
        <message>
            <source>Basis</source>
            <translation>测算基数</translation>
        </message>
        <message>
            <source>Quantity per day</source>
            <translation>每日用量</translation>
        </message>
        <message>
            <source>Days</source>
            <translation>天数</translation>
        </message>
        <message>
            <source>Buffer</source>
            <translation>冗余</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Planning line added.</source>
            <translation>已添加测算行。</translation>
        </message>
        <message>
            <source>Planning line changed.</source>
            <translation>测算行已修改。</translation>
        </message>
    </context>
    <context>
        <name>LinesEditor</name>
        <message>
            <source>Add line</source>
            <translation>添加</translation>
        </message>
        <message>
            <source>Remove selected lines</source>
            <translation>删除所选行</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>物资</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Choose an item from the list first: type its code, name or pinyin.</source>
            <translation>请先从列表中选择物资：输入编码、名称或拼音首字母。</translation>
        </message>
        <message>
            <source>Not in the catalogue, left out: {codes}</source>
            <translation>以下编码不在物资目录中，已略去：{codes}</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>Log in — BioReserve</source>
            <translation>登录 — 生物安全应急储备与处置系统</translation>
        </message>
        <message>
            <source>Station: {station}</source>
            <translation>站点：{station}</translation>
        </message>
        <message>
            <source>Account name</source>
            <translation>账户名</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Demonstration database: log in as {names} with the password {password} (one account per role).</source>
            <translation>演示数据库：可用 {names} 登录，密码均为 {password}（每个角色一个账户）。</translation>
        </message>
        <message>
            <source>Log in</source>
            <translation>登录</translation>
        </message>
        <message>
            <source>Give the account name.</source>
            <translation>请填写账户名。</translation>
        </message>
    </context>
    <context>
        <name>LoginDialogs</name>
        <message>
            <source>The two passwords are not the same: type the new password twice.</source>
            <translation>两次输入的密码不一致，请重新输入新密码两次。</translation>
        </message>
    </context>
    <context>
        <name>LoginFlow</name>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
    </context>
    <context>
        <name>LotStatusDialog</name>
        <message>
            <source>Lot status</source>
            <translation>批次状态</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>物资</translation>
        </message>
        <message>
            <source>Lot</source>
            <translation>批次</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>no expiry date</source>
            <translation>无有效期</translation>
        </message>
        <message>
            <source>Choose the lot.</source>
            <translation>请选择批次。</translation>
        </message>
        <message>
            <source>Lot {lot} of {item}: {was} → {status}.</source>
            <translation>物资 {item} 批次 {lot}：{was} → {status}。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>BioReserve — Biosafety Emergency Reserves and Response</source>
            <translation>生物安全应急储备与处置系统</translation>
        </message>
        <message>
            <source>[DEMONSTRATION DATA]</source>
            <translation>【演示数据】</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>总览</translation>
        </message>
        <message>
            <source>Incidents</source>
            <translation>事件</translation>
        </message>
        <message>
            <source>Reserves</source>
            <translation>物资储备</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>调拨单</translation>
        </message>
        <message>
            <source>Expert roster</source>
            <translation>专家库</translation>
        </message>
        <message>
            <source>Playbooks</source>
            <translation>预案库</translation>
        </message>
        <message>
            <source>Synchronization</source>
            <translation>同步</translation>
        </message>
        <message>
            <source>Drills</source>
            <translation>演练</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;New database…</source>
            <translation>新建数据库(&amp;N)…</translation>
        </message>
        <message>
            <source>&amp;Open database…</source>
            <translation>打开数据库(&amp;O)…</translation>
        </message>
        <message>
            <source>&amp;Check database</source>
            <translation>检查数据库(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Import spreadsheet…</source>
            <translation>导入表格(&amp;I)…</translation>
        </message>
        <message>
            <source>&amp;Export stock, ledger and alerts…</source>
            <translation>导出库存、台账和预警(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>Import &amp;templates</source>
            <translation>导入模板(&amp;T)</translation>
        </message>
        <message>
            <source>Catalogue items…</source>
            <translation>物资目录…</translation>
        </message>
        <message>
            <source>Depots…</source>
            <translation>仓库…</translation>
        </message>
        <message>
            <source>Stock (opening balances or receipts)…</source>
            <translation>库存（期初或入库）…</translation>
        </message>
        <message>
            <source>Reserve norms…</source>
            <translation>储备定额…</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>刷新(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Settings</source>
            <translation>设置(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;About BioReserve</source>
            <translation>关于本系统(&amp;A)</translation>
        </message>
        <message>
            <source>Station: {name} ({code})</source>
            <translation>站点：{name}（{code}）</translation>
        </message>
        <message>
            <source>Database: {path}</source>
            <translation>数据库：{path}</translation>
        </message>
        <message>
            <source>Monitoring</source>
            <translation>长期监测</translation>
        </message>
        <message>
            <source>DEMO DATA</source>
            <translation>演示数据</translation>
        </message>
        <message>
            <source>Open database</source>
            <translation>打开数据库</translation>
        </message>
        <message>
            <source>BioReserve databases (*.db *.sqlite);;All files (*)</source>
            <translation>系统数据库 (*.db *.sqlite);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Checking the database…</source>
            <translation>正在检查数据库…</translation>
        </message>
        <message>
            <source>Check database</source>
            <translation>检查数据库</translation>
        </message>
        <message>
            <source>No problems found: the data matches its operations.</source>
            <translation>未发现问题：数据与操作日志一致。</translation>
        </message>
        <message>
            <source>{count} problem(s) found:</source>
            <translation>共发现 {count} 个问题：</translation>
        </message>
        <message>
            <source>About BioReserve</source>
            <translation>关于本系统</translation>
        </message>
        <message>
            <source>BioReserve {version}

Biosafety emergency reserves and response for the Hengyang biosafety coordination mechanism. Works offline; every change is recorded as an operation that other stations can merge.</source>
            <translation>生物安全应急储备与处置系统 {version}

服务于衡阳市国家安全生物与公共卫生领域工作协调机制。可离线使用；每项变更都记录为操作日志，可与其他站点合并同步。</translation>
        </message>
    </context>
    <context>
        <name>MarkDialog</name>
        <message>
            <source>Judge an expected action</source>
            <translation>评判预期行动</translation>
        </message>
        <message>
            <source>What the evaluator saw</source>
            <translation>评估员观察到的情况</translation>
        </message>
        <message>
            <source>Expected action</source>
            <translation>预期行动</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>说明</translation>
        </message>
    </context>
    <context>
        <name>MatrixModel</name>
        <message>
            <source>Lead</source>
            <translation>牵头</translation>
        </message>
        <message>
            <source>Support</source>
            <translation>配合</translation>
        </message>
        <message>
            <source>{title}
{code} v{version}</source>
            <translation>{title}
{code} 第{version}版</translation>
        </message>
        <message>
            <source>Member agency</source>
            <translation>成员单位</translation>
        </message>
    </context>
    <context>
        <name>MatrixView</name>
        <message>
            <source>Latest approved version of each playbook. Shaded: lead agency.</source>
            <translation>依据各预案的最新批准版本。底色加深：牵头单位。</translation>
        </message>
        <message>
            <source>Print preview…</source>
            <translation>打印预览…</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <source>Export PDF…</source>
            <translation>导出 PDF…</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>All agencies</source>
            <translation>全部成员单位</translation>
        </message>
        <message>
            <source>The plan's words…</source>
            <translation>方案原文…</translation>
        </message>
        <message>
            <source>Open the clause in the plan</source>
            <translation>查看方案中该条款的原文</translation>
        </message>
        <message>
            <source>Agencies the plan names in</source>
            <translation>按方案条款点名的单位：</translation>
        </message>
        <message>
            <source>Responsibility matrix</source>
            <translation>责任矩阵</translation>
        </message>
        <message>
            <source>No approved playbook: the matrix is empty.</source>
            <translation>没有已批准的预案：责任矩阵为空。</translation>
        </message>
        <message>
            <source>{count} agencies named in {ref}.</source>
            <translation>{ref}点名{count}个单位。</translation>
        </message>
        <message>
            <source>No playbook gives a task to: {agencies}.</source>
            <translation>以下单位在各预案中没有任务：{agencies}。</translation>
        </message>
    </context>
    <context>
        <name>MonitoringFiles</name>
        <message>
            <source>Choose file…</source>
            <translation>选择文件…</translation>
        </message>
        <message>
            <source>{added} people added to the monitoring.</source>
            <translation>已将 {added} 人纳入监测。</translation>
        </message>
        <message>
            <source>{added} results added, {updated} updated, {unchanged} unchanged.</source>
            <translation>新增结果 {added} 条，更新 {updated} 条，未变 {unchanged} 条。</translation>
        </message>
        <message>
            <source>{alerts} abnormal: alerts raised.</source>
            <translation>{alerts} 条异常，已发出预警。</translation>
        </message>
        <message>
            <source>Save template</source>
            <translation>保存模板</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Template saved to {path}.</source>
            <translation>模板已保存到 {path}。</translation>
        </message>
    </context>
    <context>
        <name>MonitoringLabels</name>
        <message>
            <source>Running</source>
            <translation>进行中</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>已期满</translation>
        </message>
        <message>
            <source>Ended early</source>
            <translation>已提前结束</translation>
        </message>
        <message>
            <source>Daily for {days} days</source>
            <translation>每日一次，共 {days} 天</translation>
        </message>
        <message>
            <source>Every {every} days for {days} days</source>
            <translation>每 {every} 天一次，共 {days} 天</translation>
        </message>
    </context>
    <context>
        <name>MonitoringPage</name>
        <message>
            <source>Long-term monitoring</source>
            <translation>长期监测</translation>
        </message>
        <message>
            <source>Incident</source>
            <translation>事件</translation>
        </message>
        <message>
            <source>People</source>
            <translation>人员</translation>
        </message>
        <message>
            <source>Sampling sites</source>
            <translation>采样点</translation>
        </message>
        <message>
            <source>Schedules</source>
            <translation>监测计划</translation>
        </message>
        <message>
            <source>Due today</source>
            <translation>今日待办</translation>
        </message>
        <message>
            <source>Abnormal alerts</source>
            <translation>异常预警</translation>
        </message>
        <message>
            <source>(closed)</source>
            <translation>（已关闭）</translation>
        </message>
        <message>
            <source>(not followed yet)</source>
            <translation>（未开始监测）</translation>
        </message>
        <message>
            <source>No open incident: monitoring starts from an incident.</source>
            <translation>没有未关闭的事件：长期监测须从一个事件开始。</translation>
        </message>
        <message>
            <source>The incident is closed; its monitoring goes on until each schedule ends.</source>
            <translation>事件已关闭；长期监测继续，直至各监测计划结束。</translation>
        </message>
        <message>
            <source>Incident status: {status}</source>
            <translation>事件状态：{status}</translation>
        </message>
    </context>
    <context>
        <name>MovementDialog</name>
        <message>
            <source>Choose an item from the list: type its code, name or pinyin initials.</source>
            <translation>请从列表中选择物资：输入编码、名称或拼音首字母。</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>物资</translation>
        </message>
        <message>
            <source>Lot</source>
            <translation>批次</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Usable stock here: {qty} {unit}</source>
            <translation>本仓库可用库存：{qty} {unit}</translation>
        </message>
    </context>
    <context>
        <name>MovementFields</name>
        <message>
            <source>expired</source>
            <translation>已过期</translation>
        </message>
        <message>
            <source>no expiry date</source>
            <translation>无有效期</translation>
        </message>
        <message>
            <source>{lot} · expires {expiry} · {qty} {unit}</source>
            <translation>{lot} · 有效期至 {expiry} · {qty} {unit}</translation>
        </message>
        <message>
            <source>Batch number</source>
            <translation>批号</translation>
        </message>
        <message>
            <source>Earliest expiry first (FEFO)</source>
            <translation>近效期先出（FEFO）</translation>
        </message>
    </context>
    <context>
        <name>MselFiles</name>
        <message>
            <source>Import MSEL</source>
            <translation>导入MSEL</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Export MSEL</source>
            <translation>导出MSEL</translation>
        </message>
        <message>
            <source>Save MSEL template</source>
            <translation>保存MSEL模板</translation>
        </message>
        <message>
            <source>MSEL template.xlsx</source>
            <translation>MSEL模板.xlsx</translation>
        </message>
        <message>
            <source>Importing {file}…</source>
            <translation>正在导入 {file}…</translation>
        </message>
        <message>
            <source>{file} has errors; nothing was imported.</source>
            <translation>{file} 有错误，未导入任何内容。</translation>
        </message>
        <message>
            <source>MSEL imported from {file}: {injects} inject(s), {expects} expected action(s), {objectives} objective(s), {people} participant(s).</source>
            <translation>已从 {file} 导入 MSEL：{injects} 条情景注入、{expects} 项预期行动、{objectives} 个目标、{people} 名参演人员。</translation>
        </message>
        <message>
            <source>MSEL exported to {path}.</source>
            <translation>MSEL 已导出到 {path}。</translation>
        </message>
        <message>
            <source>MSEL template saved to {path}.</source>
            <translation>MSEL 模板已保存到 {path}。</translation>
        </message>
    </context>
    <context>
        <name>MselTable</name>
        <message>
            <source>by a controller</source>
            <translation>导调员发出</translation>
        </message>
        <message>
            <source>{minutes} min after the one before</source>
            <translation>上一条发出后 {minutes} 分钟</translation>
        </message>
        <message>
            <source>{minutes} min after #{no}</source>
            <translation>#{no} 发出后 {minutes} 分钟</translation>
        </message>
        <message>
            <source>{minutes} min after #{no} {state}</source>
            <translation>#{no} {state}后 {minutes} 分钟</translation>
        </message>
        <message>
            <source>{action}, within {minutes} min</source>
            <translation>{action}，{minutes} 分钟内</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>Trigger</source>
            <translation>触发方式</translation>
        </message>
        <message>
            <source>When</source>
            <translation>发出时机</translation>
        </message>
        <message>
            <source>From</source>
            <translation>发出方</translation>
        </message>
        <message>
            <source>To</source>
            <translation>接收单位</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>方式</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>Expected actions</source>
            <translation>预期行动</translation>
        </message>
        <message>
            <source>Objective</source>
            <translation>目标</translation>
        </message>
        <message>
            <source>{trigger}, contingency</source>
            <translation>{trigger}，备用</translation>
        </message>
        <message>
            <source>; </source>
            <translation>；</translation>
        </message>
    </context>
    <context>
        <name>NeedsTab</name>
        <message>
            <source>Item code</source>
            <translation>物资编码</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>物资</translation>
        </message>
        <message>
            <source>Specification</source>
            <translation>规格型号</translation>
        </message>
        <message>
            <source>Required</source>
            <translation>需求量</translation>
        </message>
        <message>
            <source>Have</source>
            <translation>现有量</translation>
        </message>
        <message>
            <source>Need</source>
            <translation>缺口</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Ordered</source>
            <translation>已申领</translation>
        </message>
        <message>
            <source>Depots holding it</source>
            <translation>存放仓库（可用量）</translation>
        </message>
        <message>
            <source>{category} (no item in the catalogue)</source>
            <translation>{category}（目录中无此类物资）</translation>
        </message>
        <message>
            <source>Draft allocation orders…</source>
            <translation>生成调拨单…</translation>
        </message>
        <message>
            <source>Add line…</source>
            <translation>添加测算行…</translation>
        </message>
        <message>
            <source>Change line…</source>
            <translation>修改测算行…</translation>
        </message>
        <message>
            <source>Remove line</source>
            <translation>删除测算行</translation>
        </message>
        <message>
            <source>Open order</source>
            <translation>打开调拨单</translation>
        </message>
        <message>
            <source>From</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Item or category</source>
            <translation>物资或类别</translation>
        </message>
        <message>
            <source>Basis</source>
            <translation>测算基数</translation>
        </message>
        <message>
            <source>Per day</source>
            <translation>每日用量</translation>
        </message>
        <message>
            <source>Days</source>
            <translation>天数</translation>
        </message>
        <message>
            <source>Buffer %</source>
            <translation>冗余 %</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Issuing depot</source>
            <translation>发出仓库</translation>
        </message>
        <message>
            <source>Receiving unit</source>
            <translation>接收单位</translation>
        </message>
        <message>
            <source>Filled in</source>
            <translation>填单时间</translation>
        </message>
        <message>
            <source>Lines</source>
            <translation>行数</translation>
        </message>
        <message>
            <source>Required = quantity per day × scale × days × (1 + buffer); have = usable stock (released, unexpired, not reserved) in the depots the incident may draw on, plus what its orders hold; need = required − have. Planning factors are editable examples, not official norms.</source>
            <translation>需求量 = 每日用量 × 规模 × 天数 × (1 + 冗余)；现有量 = 可调用仓库中的可用库存（合格、未过期、未被预留）加上本事件调拨单已占用或发出的数量；缺口 = 需求量 − 现有量。测算参数为可修改的示例，并非官方定额。</translation>
        </message>
        <message>
            <source>Planning lines</source>
            <translation>测算明细</translation>
        </message>
        <message>
            <source>Orders for this incident</source>
            <translation>本事件调拨单</translation>
        </message>
        <message>
            <source>Added by hand</source>
            <translation>手工添加</translation>
        </message>
        <message>
            <source>Any depot (FEFO)</source>
            <translation>不限仓库（按效期）</translation>
        </message>
        <message>
            <source>Orders for this incident ({count})</source>
            <translation>本事件调拨单（{count}）</translation>
        </message>
        <message>
            <source>Remove the planning line {what} ({source})?</source>
            <translation>删除测算行 {what}（{source}）？</translation>
        </message>
        <message>
            <source>Planning line {what} removed.</source>
            <translation>已删除测算行 {what}。</translation>
        </message>
        <message>
            <source>Nothing is left to order: the incident's orders cover what it requires.</source>
            <translation>已无需再调拨：本事件的调拨单已满足需求量。</translation>
        </message>
        <message>
            <source>{count} draft order(s) made.</source>
            <translation>已生成 {count} 张调拨单草稿。</translation>
        </message>
        <message>
            <source>{count} item(s) not in the reserves it may draw on.</source>
            <translation>另有 {count} 种物资在可调用的储备中没有。</translation>
        </message>
    </context>
    <context>
        <name>NewDatabaseDialog</name>
        <message>
            <source>New database</source>
            <translation>新建数据库</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>e.g. Hengyang Emergency Management Bureau</source>
            <translation>例如：衡阳市应急管理局</translation>
        </message>
        <message>
            <source>Add the demonstration data set</source>
            <translation>加入演示数据</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Station code</source>
            <translation>站点代码</translation>
        </message>
        <message>
            <source>Station name</source>
            <translation>站点名称</translation>
        </message>
        <message>
            <source>BioReserve databases (*.db)</source>
            <translation>系统数据库 (*.db)</translation>
        </message>
        <message>
            <source>Choose a file for the new database.</source>
            <translation>请为新数据库选择文件。</translation>
        </message>
        <message>
            <source>Give the station a code, e.g. HY-CITY.</source>
            <translation>请填写站点代码，例如 HY-CITY。</translation>
        </message>
        <message>
            <source>Give the station a name.</source>
            <translation>请填写站点名称。</translation>
        </message>
    </context>
    <context>
        <name>NormsEditor</name>
        <message>
            <source>Show items without a norm</source>
            <translation>显示未设定额的物资</translation>
        </message>
        <message>
            <source>Depot</source>
            <translation>仓库</translation>
        </message>
        <message>
            <source>Norm lines</source>
            <translation>定额项数</translation>
        </message>
        <message>
            <source>Met</source>
            <translation>达标</translation>
        </message>
        <message>
            <source>Compliance</source>
            <translation>达标率</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>By depot</source>
            <translation>按仓库</translation>
        </message>
        <message>
            <source>By category</source>
            <translation>按类别</translation>
        </message>
        <message>
            <source>No reserve norms are set.</source>
            <translation>尚未设置储备定额。</translation>
        </message>
        <message>
            <source>City compliance {percent} % ({met} of {lines} norm lines met)</source>
            <translation>全市定额达标率 {percent} %（{lines} 项定额中 {met} 项达标）</translation>
        </message>
        <message>
            <source>Norm of {item} saved.</source>
            <translation>{item} 的储备定额已保存。</translation>
        </message>
    </context>
    <context>
        <name>NormsModel</name>
        <message>
            <source>Item code</source>
            <translation>物资编码</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>物资</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Reserve norm</source>
            <translation>储备定额</translation>
        </message>
        <message>
            <source>Usable stock</source>
            <translation>可用库存</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Compliance</source>
            <translation>达标率</translation>
        </message>
        <message>
            <source>Double-click to change the norm (0 removes it).</source>
            <translation>双击修改定额（填 0 即取消定额）。</translation>
        </message>
    </context>
    <context>
        <name>ObservationDialog</name>
        <message>
            <source>Add observation</source>
            <translation>添加观察记录</translation>
        </message>
        <message>
            <source>The whole drill</source>
            <translation>整个演练</translation>
        </message>
        <message>
            <source>What was seen, by whom, and what it led to</source>
            <translation>观察到什么、由谁做出、产生了什么结果</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Objective</source>
            <translation>目标</translation>
        </message>
        <message>
            <source>Observation</source>
            <translation>观察记录</translation>
        </message>
    </context>
    <context>
        <name>OrderDetail</name>
        <message>
            <source>Select an order to see its details.</source>
            <translation>选择一张调拨单以查看详情。</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>基本信息</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>优先级</translation>
        </message>
        <message>
            <source>Incident</source>
            <translation>关联事件</translation>
        </message>
        <message>
            <source>Requesting unit</source>
            <translation>申请单位</translation>
        </message>
        <message>
            <source>Needed by</source>
            <translation>需求时间</translation>
        </message>
        <message>
            <source>Approver</source>
            <translation>批准人</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Issuing side</source>
            <translation>发出方</translation>
        </message>
        <message>
            <source>Issuing depot</source>
            <translation>发出仓库</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Transport</source>
            <translation>运输</translation>
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
            <source>Receiving side</source>
            <translation>接收方</translation>
        </message>
        <message>
            <source>Receiving unit</source>
            <translation>接收单位</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Status history</source>
            <translation>流转记录</translation>
        </message>
        <message>
            <source>Made by</source>
            <translation>制单人</translation>
        </message>
        <message>
            <source>Filled in at</source>
            <translation>填单时间</translation>
        </message>
        <message>
            <source>Submitted at</source>
            <translation>提交时间</translation>
        </message>
        <message>
            <source>Approved at</source>
            <translation>批准时间</translation>
        </message>
        <message>
            <source>Dispatched at</source>
            <translation>发运时间</translation>
        </message>
        <message>
            <source>Received at</source>
            <translation>接收时间</translation>
        </message>
        <message>
            <source>Reason for cancelling</source>
            <translation>作废原因</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>行号</translation>
        </message>
        <message>
            <source>Item code</source>
            <translation>物资编码</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>物资</translation>
        </message>
        <message>
            <source>Specification</source>
            <translation>规格型号</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Items requested</source>
            <translation>物资明细</translation>
        </message>
        <message>
            <source>Lots picked</source>
            <translation>拣货批次</translation>
        </message>
        <message>
            <source>DRILL</source>
            <translation>演练</translation>
        </message>
        <message>
            <source>Any depot, city reserves first (FEFO)</source>
            <translation>不限仓库，市级储备优先（效期先出）</translation>
        </message>
        <message>
            <source>Oral order; written paperwork completed {time}.</source>
            <translation>口头指令，已于 {time} 补办书面手续。</translation>
        </message>
        <message>
            <source>Oral order given {given}: the written paperwork was due {due} and is overdue.</source>
            <translation>口头指令下达于 {given}，书面手续应于 {due} 前补办，现已逾期。</translation>
        </message>
        <message>
            <source>Oral order given {given}: the written paperwork is due by {due}.</source>
            <translation>口头指令下达于 {given}，须在 {due} 前补办书面手续。</translation>
        </message>
    </context>
    <context>
        <name>OrderFormDialog</name>
        <message>
            <source>Allocation order</source>
            <translation>调拨单</translation>
        </message>
        <message>
            <source>Receiving unit</source>
            <translation>接收单位</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Order {number} is now {status}.</source>
            <translation>调拨单 {number} 当前状态：{status}。</translation>
        </message>
    </context>
    <context>
        <name>OrderModels</name>
        <message>
            <source>Critical</source>
            <translation>特急</translation>
        </message>
        <message>
            <source>Urgent</source>
            <translation>紧急</translation>
        </message>
        <message>
            <source>Normal</source>
            <translation>一般</translation>
        </message>
        <message>
            <source>Oral · paperwork done</source>
            <translation>口头 · 已补办</translation>
        </message>
        <message>
            <source>Oral · paperwork due {time}</source>
            <translation>口头 · {time} 前补办</translation>
        </message>
        <message>
            <source>(overdue)</source>
            <translation>（已逾期）</translation>
        </message>
        <message>
            <source>Oral</source>
            <translation>口头指令</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>优先级</translation>
        </message>
        <message>
            <source>Issuing depot</source>
            <translation>发出仓库</translation>
        </message>
        <message>
            <source>Receiving unit</source>
            <translation>接收单位</translation>
        </message>
        <message>
            <source>Incident</source>
            <translation>关联事件</translation>
        </message>
        <message>
            <source>Filled in</source>
            <translation>填单时间</translation>
        </message>
        <message>
            <source>Needed by</source>
            <translation>需求时间</translation>
        </message>
        <message>
            <source>Lines</source>
            <translation>行数</translation>
        </message>
        <message>
            <source>Oral order</source>
            <translation>口头指令</translation>
        </message>
        <message>
            <source>Any depot (FEFO)</source>
            <translation>不限仓库（按效期）</translation>
        </message>
        <message>
            <source>Item code</source>
            <translation>物资编码</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>物资</translation>
        </message>
        <message>
            <source>Specification</source>
            <translation>规格型号</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Usable stock, all depots</source>
            <translation>可用库存（各仓库合计）</translation>
        </message>
        <message>
            <source>Not enough usable stock: the order will show a shortfall.</source>
            <translation>可用库存不足：调拨单将显示缺口。</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>行号</translation>
        </message>
        <message>
            <source>Depot</source>
            <translation>仓库</translation>
        </message>
        <message>
            <source>Batch number</source>
            <translation>批号</translation>
        </message>
        <message>
            <source>Expiry date</source>
            <translation>有效期至</translation>
        </message>
        <message>
            <source>Dispatched</source>
            <translation>实发</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>实收</translation>
        </message>
        <message>
            <source>Reason for difference</source>
            <translation>差异原因</translation>
        </message>
    </context>
    <context>
        <name>OrderPrinter</name>
        <message>
            <source>Allocation order {number}</source>
            <translation>调拨单 {number}</translation>
        </message>
        <message>
            <source>Allocation orders {date}.pdf</source>
            <translation>调拨单-{date}.pdf</translation>
        </message>
    </context>
    <context>
        <name>OrderPrinting</name>
        <message>
            <source>1 copy</source>
            <translation>1 联</translation>
        </message>
        <message>
            <source>3 copies (stub, issue copy, receipt copy)</source>
            <translation>3 联（存根、出库联、接收联）</translation>
        </message>
        <message>
            <source>How many copies of each order the PDF holds</source>
            <translation>每张调拨单打印的联数</translation>
        </message>
        <message>
            <source>The PDF {path} could not be opened ({error}).</source>
            <translation>无法打开 PDF 文件 {path}（{error}）。</translation>
        </message>
        <message>
            <source>The printer {name} could not be started; check that it is on.</source>
            <translation>无法启动打印机 {name}，请检查打印机是否已开机。</translation>
        </message>
        <message>
            <source>The PDF could not be written to {path}: {reason}</source>
            <translation>无法写入 PDF 文件 {path}：{reason}</translation>
        </message>
        <message>
            <source>The PDF could not be made because of an unexpected error ({kind}).</source>
            <translation>生成 PDF 时发生意外错误（{kind}）。</translation>
        </message>
        <message>
            <source>The printer {name} did not take the document: {reason}</source>
            <translation>打印机 {name} 未接受该文档：{reason}</translation>
        </message>
    </context>
    <context>
        <name>OrdersBrowser</name>
        <message>
            <source>No allocation order to list: none has been made yet, or none matches the search and filters.</source>
            <translation>没有可列出的调拨单：尚未建立，或没有符合搜索和筛选条件的调拨单。</translation>
        </message>
    </context>
    <context>
        <name>OrdersPage</name>
        <message>
            <source>Allocation orders</source>
            <translation>调拨单</translation>
        </message>
        <message>
            <source>Copies to print</source>
            <translation>打印联数</translation>
        </message>
        <message>
            <source>New order…</source>
            <translation>新建调拨单…</translation>
        </message>
        <message>
            <source>A new allocation order</source>
            <translation>新建一张调拨单</translation>
        </message>
        <message>
            <source>Submit</source>
            <translation>提交</translation>
        </message>
        <message>
            <source>Submit the draft for approval</source>
            <translation>将草稿提交审批</translation>
        </message>
        <message>
            <source>Approve…</source>
            <translation>批准…</translation>
        </message>
        <message>
            <source>Approve and reserve the stock</source>
            <translation>批准并预留库存</translation>
        </message>
        <message>
            <source>Dispatch…</source>
            <translation>发运…</translation>
        </message>
        <message>
            <source>The stock leaves the depot</source>
            <translation>物资出库发运</translation>
        </message>
        <message>
            <source>Receive…</source>
            <translation>接收…</translation>
        </message>
        <message>
            <source>Book what arrived</source>
            <translation>登记实收数量</translation>
        </message>
        <message>
            <source>Cancel order…</source>
            <translation>作废…</translation>
        </message>
        <message>
            <source>Cancel before dispatch</source>
            <translation>发运前作废调拨单</translation>
        </message>
        <message>
            <source>Paperwork completed</source>
            <translation>补办书面手续</translation>
        </message>
        <message>
            <source>Oral order: paperwork done</source>
            <translation>口头指令书面手续已补办</translation>
        </message>
        <message>
            <source>Print preview…</source>
            <translation>打印预览…</translation>
        </message>
        <message>
            <source>The PDF as it prints</source>
            <translation>预览将要打印的 PDF</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <source>Print on a printer</source>
            <translation>通过打印机打印</translation>
        </message>
        <message>
            <source>Export PDF…</source>
            <translation>导出 PDF…</translation>
        </message>
        <message>
            <source>Save the order as PDF</source>
            <translation>将调拨单保存为 PDF</translation>
        </message>
        <message>
            <source>Batch print…</source>
            <translation>批量打印…</translation>
        </message>
        <message>
            <source>Print all selected orders</source>
            <translation>打印所有选中的调拨单</translation>
        </message>
        <message>
            <source>Verify QR code…</source>
            <translation>核验二维码…</translation>
        </message>
        <message>
            <source>Check a printed order's QR code</source>
            <translation>核验纸质调拨单上的二维码</translation>
        </message>
        <message>
            <source>Search: number, receiving unit, requesting unit</source>
            <translation>搜索：编号、接收单位、申请单位</translation>
        </message>
        <message>
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Paperwork outstanding only</source>
            <translation>仅显示待补办</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>{count} order(s)</source>
            <translation>共 {count} 张</translation>
        </message>
        <message>
            <source>Order {number} is a draft: {submit} it first, then approve it.</source>
            <translation>调拨单 {number} 还是草稿：请先{submit}，再批准。</translation>
        </message>
        <message>
            <source>Order {number}: written paperwork recorded as completed.</source>
            <translation>调拨单 {number}：已登记补办书面手续。</translation>
        </message>
        <message>
            <source>Order {number} is now {status}.</source>
            <translation>调拨单 {number} 当前状态：{status}。</translation>
        </message>
    </context>
    <context>
        <name>OverviewPage</name>
        <message>
            <source>Show the synchronization page</source>
            <translation>打开“同步”页</translation>
        </message>
        <message>
            <source>Show the stock alerts</source>
            <translation>打开物资储备的“预警”</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>总览</translation>
        </message>
        <message>
            <source>DEMONSTRATION DATA: this database holds a demonstration data set and must not be used for real operations.</source>
            <translation>演示数据：本数据库包含演示数据集，不得用于实际应急处置。</translation>
        </message>
        <message>
            <source>Depots</source>
            <translation>仓库</translation>
        </message>
        <message>
            <source>Catalogue items</source>
            <translation>物资品种</translation>
        </message>
        <message>
            <source>Lots in stock</source>
            <translation>在库批次</translation>
        </message>
        <message>
            <source>Lots expiring within {days} days</source>
            <translation>{days} 天内到期批次</translation>
        </message>
        <message>
            <source>Expired lots in stock</source>
            <translation>已过期在库批次</translation>
        </message>
        <message>
            <source>Experts</source>
            <translation>专家</translation>
        </message>
        <message>
            <source>Member agencies</source>
            <translation>成员单位</translation>
        </message>
        <message>
            <source>Administrative divisions</source>
            <translation>行政区划</translation>
        </message>
        <message>
            <source>Incidents</source>
            <translation>事件</translation>
        </message>
        <message>
            <source>Open incidents</source>
            <translation>未关闭事件</translation>
        </message>
        <message>
            <source>Overdue tasks</source>
            <translation>逾期任务</translation>
        </message>
        <message>
            <source>Overdue information reports</source>
            <translation>逾期信息报告</translation>
        </message>
        <message>
            <source>Show the incidents</source>
            <translation>查看事件</translation>
        </message>
        <message>
            <source>Long-term monitoring</source>
            <translation>长期监测</translation>
        </message>
        <message>
            <source>Checks due today</source>
            <translation>今日应测</translation>
        </message>
        <message>
            <source>Overdue checks</source>
            <translation>逾期未测</translation>
        </message>
        <message>
            <source>Open abnormal alerts</source>
            <translation>未处理异常预警</translation>
        </message>
        <message>
            <source>Show the long-term monitoring</source>
            <translation>查看长期监测</translation>
        </message>
        <message>
            <source>Alerts</source>
            <translation>预警</translation>
        </message>
        <message>
            <source>Below norm</source>
            <translation>低于定额</translation>
        </message>
        <message>
            <source>Out of stock</source>
            <translation>缺货</translation>
        </message>
        <message>
            <source>Near expiry</source>
            <translation>近效期</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>已过期</translation>
        </message>
        <message>
            <source>Negative balances (to count)</source>
            <translation>负库存（待盘点）</translation>
        </message>
        <message>
            <source>Sync conflicts (to choose, on 同步)</source>
            <translation>同步冲突（请在“同步”中选择）</translation>
        </message>
        <message>
            <source>Reserve level against norm by category</source>
            <translation>各类物资储备定额达标情况</translation>
        </message>
        <message>
            <source>Norm lines met on average (usable stock, each line capped at 100 %)</source>
            <translation>各项定额平均达标率（按可用库存计，单项最高 100 %）</translation>
        </message>
        <message>
            <source>Expiry timeline</source>
            <translation>效期分布</translation>
        </message>
        <message>
            <source>Stock lots expiring per month, next 12 months; the first bar: expired</source>
            <translation>未来 12 个月每月到期的在库批次数；首柱为已过期</translation>
        </message>
        <message>
            <source>Stock by depot</source>
            <translation>各仓库库存概况</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <source>Near expiry (within {days} days)</source>
            <translation>近效期（{days} 天内）</translation>
        </message>
        <message>
            <source>Updated</source>
            <translation>已更新</translation>
        </message>
        <message>
            <source>{category}: {percent} % — {met} of {lines} norm lines met</source>
            <translation>{category}：{percent} %（{lines} 项定额中 {met} 项达标）</translation>
        </message>
        <message>
            <source>Expired</source>
            <comment>short label under a chart column</comment>
            <translation>过期</translation>
        </message>
        <message>
            <source>Expired and still in stock: {lots} lots</source>
            <translation>已过期仍在库：{lots} 个批次</translation>
        </message>
        <message>
            <source>{month}: {lots} lots expiring</source>
            <translation>{month}：{lots} 个批次到期</translation>
        </message>
    </context>
    <context>
        <name>PageActions</name>
        <message>
            <source>Import…</source>
            <translation>导入…</translation>
        </message>
        <message>
            <source>Import a cohort list or results (.xlsx)</source>
            <translation>导入人员名单或监测结果（.xlsx）</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <source>Export the people and results (.xlsx)</source>
            <translation>导出人员和监测结果（.xlsx）</translation>
        </message>
        <message>
            <source>Templates…</source>
            <translation>模板…</translation>
        </message>
        <message>
            <source>Blank workbooks to fill in</source>
            <translation>待填写的空白模板</translation>
        </message>
        <message>
            <source>Recommendations…</source>
            <translation>建议…</translation>
        </message>
        <message>
            <source>The analyst's recommendations</source>
            <translation>分析人员的建议</translation>
        </message>
        <message>
            <source>Monitoring report…</source>
            <translation>监测报告…</translation>
        </message>
        <message>
            <source>The summary report (PDF)</source>
            <translation>长期监测总结报告（PDF）</translation>
        </message>
        <message>
            <source>Cohort list…</source>
            <translation>人员名单…</translation>
        </message>
        <message>
            <source>Results…</source>
            <translation>监测结果…</translation>
        </message>
        <message>
            <source>Recommendation recorded.</source>
            <translation>建议已记录。</translation>
        </message>
    </context>
    <context>
        <name>PassageView</name>
        <message>
            <source>By analogy (参照): the plan writes this clause for another situation; the task applies it here.</source>
            <translation>参照：方案此条写的是另一情形，本任务参照执行。</translation>
        </message>
        <message>
            <source>The task does not say why (no note).</source>
            <translation>任务未说明参照的理由（无说明）。</translation>
        </message>
        <message>
            <source>Shaded: the words cited ({ref}).</source>
            <translation>底色：所引条文（{ref}）。</translation>
        </message>
        <message>
            <source>Underlined: the plan's words the task quotes.</source>
            <translation>下划线：任务引用的方案原话。</translation>
        </message>
    </context>
    <context>
        <name>PasswordDialog</name>
        <message>
            <source>Change password</source>
            <translation>修改密码</translation>
        </message>
        <message>
            <source>Account: {user}</source>
            <translation>账户：{user}</translation>
        </message>
        <message>
            <source>Current password</source>
            <translation>当前密码</translation>
        </message>
        <message>
            <source>New password</source>
            <translation>新密码</translation>
        </message>
        <message>
            <source>New password again</source>
            <translation>再次输入新密码</translation>
        </message>
    </context>
    <context>
        <name>PeopleTab</name>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>身份证号</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Cohort</source>
            <translation>人群</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
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
            <source>Division</source>
            <translation>区划</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>状态说明</translation>
        </message>
        <message>
            <source>Add person…</source>
            <translation>添加人员…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Change status…</source>
            <translation>更改状态…</translation>
        </message>
        <message>
            <source>Show identity data…</source>
            <translation>显示身份信息…</translation>
        </message>
        <message>
            <source>All cohorts</source>
            <translation>全部人群</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <source>Mask again</source>
            <translation>重新遮蔽</translation>
        </message>
        <message>
            <source>{count} people · {followed} under monitoring</source>
            <translation>共 {count} 人 · 监测中 {followed} 人</translation>
        </message>
        <message>
            <source>ID numbers and phones are shown (recorded: {reason}). They are masked again when you leave the page or it is refreshed.</source>
            <translation>身份证号和电话已完整显示（已记录，原因：{reason}）。离开本页或刷新后将重新遮蔽。</translation>
        </message>
        <message>
            <source>Person added.</source>
            <translation>人员已添加。</translation>
        </message>
        <message>
            <source>{name}'s details saved.</source>
            <translation>已保存 {name} 的信息。</translation>
        </message>
        <message>
            <source>{name}: {status}.</source>
            <translation>{name}：{status}。</translation>
        </message>
    </context>
    <context>
        <name>PersonDialog</name>
        <message>
            <source>Add person — {number}</source>
            <translation>添加人员 — {number}</translation>
        </message>
        <message>
            <source>Edit person — {number}</source>
            <translation>编辑人员 — {number}</translation>
        </message>
        <message>
            <source>18 characters: 17 digits and a check digit or X</source>
            <translation>18 位：17 位数字加校验码（数字或 X）</translation>
        </message>
        <message>
            <source>Not given</source>
            <translation>未填</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>不详</translation>
        </message>
        <message>
            <source>e.g. direct contact, same household, aerosol</source>
            <translation>例如：直接接触、同住、气溶胶</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>身份证号</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Cohort</source>
            <translation>人群</translation>
        </message>
        <message>
            <source>Division</source>
            <translation>区划</translation>
        </message>
        <message>
            <source>Exposed on</source>
            <translation>末次暴露日期</translation>
        </message>
        <message>
            <source>Exposure</source>
            <translation>暴露方式</translation>
        </message>
        <message>
            <source>The ID number names the person and is not changed.</source>
            <translation>身份证号是此人的标识，不可更改。</translation>
        </message>
        <message>
            <source>{phone} (left empty: unchanged)</source>
            <translation>{phone}（留空则不变）</translation>
        </message>
        <message>
            <source>{count} of 18 characters</source>
            <translation>已输入 {count}/18 位</translation>
        </message>
        <message>
            <source>✓ A valid ID number (born {date}).</source>
            <translation>✓ 身份证号有效（出生日期 {date}）。</translation>
        </message>
    </context>
    <context>
        <name>PlanPassage</name>
        <message>
            <source>By analogy {ref}</source>
            <translation>参照{ref}</translation>
        </message>
    </context>
    <context>
        <name>PlanPassageDialog</name>
        <message>
            <source>Basis in the plan — {title}</source>
            <translation>方案依据 — {title}</translation>
        </message>
        <message>
            <source>Basis in the plan</source>
            <translation>方案依据</translation>
        </message>
        <message>
            <source>{title} ({number}), as received</source>
            <translation>{title}（{number}）原文</translation>
        </message>
        <message>
            <source>The task cites no clause of the plan.</source>
            <translation>任务未引用方案条款。</translation>
        </message>
        <message>
            <source>Copy the clause</source>
            <translation>复制条文</translation>
        </message>
        <message>
            <source>Copy the words cited, with the plan and clause</source>
            <translation>复制所引条文，并注明方案名称和条款</translation>
        </message>
    </context>
    <context>
        <name>PlanView</name>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Start drill</source>
            <translation>开始演练</translation>
        </message>
        <message>
            <source>End drill…</source>
            <translation>结束演练…</translation>
        </message>
        <message>
            <source>Close drill…</source>
            <translation>关闭演练…</translation>
        </message>
        <message>
            <source>Drill report…</source>
            <translation>演练报告…</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>概况</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <source>Objective</source>
            <translation>目标</translation>
        </message>
        <message>
            <source>Tests (plan clause or playbook)</source>
            <translation>检验依据（预案条款或预案）</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Agency</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Objectives</source>
            <translation>演练目标</translation>
        </message>
        <message>
            <source>Participants</source>
            <translation>参演人员</translation>
        </message>
        <message>
            <source>Scenario events (MSEL)</source>
            <translation>情景事件（MSEL）</translation>
        </message>
        <message>
            <source>The drill</source>
            <translation>演练</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Speed</source>
            <translation>速度</translation>
        </message>
        <message>
            <source>Scenario start</source>
            <translation>情景起始时间</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>创建时间</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>开始时间</translation>
        </message>
        <message>
            <source>Ended</source>
            <translation>结束时间</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>关闭时间</translation>
        </message>
        <message>
            <source>The simulated incident</source>
            <translation>模拟事件</translation>
        </message>
        <message>
            <source>Hazard</source>
            <translation>事件类别</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>级别</translation>
        </message>
        <message>
            <source>Division</source>
            <translation>行政区划</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <source>Scale</source>
            <translation>规模</translation>
        </message>
        <message>
            <source>Playbooks exercised</source>
            <translation>检验的预案</translation>
        </message>
        <message>
            <source>Scenario</source>
            <translation>情景描述</translation>
        </message>
        <message>
            <source>Double-click an objective that cites a clause of the plan to read it.</source>
            <translation>双击引用方案条款的目标，可查看方案原文。</translation>
        </message>
        <message>
            <source>Import MSEL…</source>
            <translation>导入MSEL…</translation>
        </message>
        <message>
            <source>Export MSEL…</source>
            <translation>导出MSEL…</translation>
        </message>
        <message>
            <source>Save template…</source>
            <translation>保存模板…</translation>
        </message>
        <message>
            <source>Choose a drill, or plan a new one.</source>
            <translation>请选择一次演练，或新建演练。</translation>
        </message>
        <message>
            <source>{exposed:,} exposed, {patients:,} patients, {responders:,} responders, {sites:,} sites, {area:,g} km², {days} days</source>
            <translation>暴露 {exposed:,} 人，患者 {patients:,} 人，处置人员 {responders:,} 人，现场 {sites:,} 处，面积 {area:,g} km²，预计 {days} 天</translation>
        </message>
        <message>
            <source>when the drill starts</source>
            <translation>演练开始时</translation>
        </message>
        <message>
            <source>Not set</source>
            <translation>未指定</translation>
        </message>
        <message>
            <source>{name} ({code})</source>
            <translation>{name}（{code}）</translation>
        </message>
        <message>
            <source>None</source>
            <translation>无</translation>
        </message>
        <message>
            <source>No scenario written yet.</source>
            <translation>尚未编写情景描述。</translation>
        </message>
        <message>
            <source>{injects} inject(s), {expects} expected action(s)</source>
            <translation>{injects} 条情景注入，{expects} 项预期行动</translation>
        </message>
        <message>
            <source>Resume drill</source>
            <translation>继续演练</translation>
        </message>
        <message>
            <source>Enter drill</source>
            <translation>进入演练</translation>
        </message>
    </context>
    <context>
        <name>PlaybookEditor</name>
        <message>
            <source>New version</source>
            <translation>生成新版本</translation>
        </message>
        <message>
            <source>A draft copy of this version</source>
            <translation>以本版本为基础生成新的草稿</translation>
        </message>
        <message>
            <source>Approve…</source>
            <translation>批准…</translation>
        </message>
        <message>
            <source>Approve the draft; retires the old</source>
            <translation>批准草稿，原已批准版本随之停用</translation>
        </message>
        <message>
            <source>Retire…</source>
            <translation>停用…</translation>
        </message>
        <message>
            <source>No longer offer this version</source>
            <translation>停用此版本（保留记录）</translation>
        </message>
        <message>
            <source>Export JSON…</source>
            <translation>导出 JSON…</translation>
        </message>
        <message>
            <source>Save this version as a file</source>
            <translation>将此版本保存为文件</translation>
        </message>
        <message>
            <source>Import JSON…</source>
            <translation>导入 JSON…</translation>
        </message>
        <message>
            <source>A playbook file as a new draft</source>
            <translation>将预案文件导入为新的草稿版本</translation>
        </message>
        <message>
            <source>An approved version cannot be changed; make a new version.</source>
            <translation>已批准的版本不能修改，请生成新版本</translation>
        </message>
        <message>
            <source>Header</source>
            <translation>基本信息</translation>
        </message>
        <message>
            <source>Phases and tasks</source>
            <translation>阶段与任务</translation>
        </message>
        <message>
            <source>Planning factors</source>
            <translation>物资测算参数</translation>
        </message>
        <message>
            <source>(I highest … IV lowest)</source>
            <translation>（I 级最高 … IV 级最低）</translation>
        </message>
        <message>
            <source>Clauses of the plan, separated by ；</source>
            <translation>实施方案条款，以“；”分隔</translation>
        </message>
        <message>
            <source>Save header</source>
            <translation>保存基本信息</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Hazard</source>
            <translation>事件类别</translation>
        </message>
        <message>
            <source>Grades</source>
            <translation>响应级别</translation>
        </message>
        <message>
            <source>Basis in the plan</source>
            <translation>方案依据</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>概要</translation>
        </message>
        <message>
            <source>Choose a playbook version in the list.</source>
            <translation>请在列表中选择一个预案版本。</translation>
        </message>
        <message>
            <source>{code} version {version} · {status}</source>
            <translation>{code} 第 {version} 版 · {status}</translation>
        </message>
        <message>
            <source>Shipped example: adapt it to local practice before use.</source>
            <translation>系统内置示例：须按本地实际修订后使用。</translation>
        </message>
        <message>
            <source>Based on version {version}.</source>
            <translation>基于第 {version} 版。</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <source>Playbooks</source>
            <translation>预案库</translation>
        </message>
        <message>
            <source>Draft {code} version {version} made: edit it, then approve it.</source>
            <translation>已生成草稿 {code} 第 {version} 版：修改后请批准。</translation>
        </message>
        <message>
            <source>Approve {code} version {version}? It can no longer be changed, and the approved version before it is retired.</source>
            <translation>批准 {code} 第 {version} 版？批准后不能再修改，此前已批准的版本将停用。</translation>
        </message>
        <message>
            <source>{code} version {version} approved.</source>
            <translation>{code} 第 {version} 版已批准。</translation>
        </message>
        <message>
            <source>Retire {code} version {version}? It stays on record but is no longer used.</source>
            <translation>停用 {code} 第 {version} 版？停用后保留记录，但不再使用。</translation>
        </message>
        <message>
            <source>{code} version {version} retired.</source>
            <translation>{code} 第 {version} 版已停用。</translation>
        </message>
        <message>
            <source>Export playbook</source>
            <translation>导出预案</translation>
        </message>
        <message>
            <source>Playbook files (*.json)</source>
            <translation>预案文件 (*.json)</translation>
        </message>
        <message>
            <source>Exported to {path}.</source>
            <translation>已导出到 {path}。</translation>
        </message>
        <message>
            <source>Import playbook</source>
            <translation>导入预案</translation>
        </message>
        <message>
            <source>Imported as draft {code} version {version}.</source>
            <translation>已导入为草稿 {code} 第 {version} 版。</translation>
        </message>
    </context>
    <context>
        <name>PlaybookLabels</name>
        <message>
            <source>Bioterrorism</source>
            <translation>生物恐怖袭击</translation>
        </message>
        <message>
            <source>Infectious disease</source>
            <translation>传染病疫情</translation>
        </message>
        <message>
            <source>Animal epidemic</source>
            <translation>动物疫情</translation>
        </message>
        <message>
            <source>Plant pest</source>
            <translation>植物病虫害</translation>
        </message>
        <message>
            <source>Invasive species</source>
            <translation>外来物种入侵</translation>
        </message>
        <message>
            <source>Laboratory incident</source>
            <translation>实验室生物安全事件</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>草稿</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>已批准</translation>
        </message>
        <message>
            <source>Retired</source>
            <translation>已停用</translation>
        </message>
        <message>
            <source>Monitoring and warning</source>
            <translation>监测预警</translation>
        </message>
        <message>
            <source>Treatment and placement</source>
            <translation>救治与安置</translation>
        </message>
        <message>
            <source>Disinfection</source>
            <translation>环境消毒</translation>
        </message>
        <message>
            <source>Ecological restoration</source>
            <translation>生态修复</translation>
        </message>
        <message>
            <source>Safety monitoring</source>
            <translation>安全监测</translation>
        </message>
        <message>
            <source>Restoring public order</source>
            <translation>社会秩序恢复</translation>
        </message>
        <message>
            <source>Long-term monitoring</source>
            <translation>长期监测</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>per exposed person</source>
            <translation>按暴露人数</translation>
        </message>
        <message>
            <source>per patient</source>
            <translation>按患者数</translation>
        </message>
        <message>
            <source>per responder</source>
            <translation>按处置人员数</translation>
        </message>
        <message>
            <source>per site</source>
            <translation>按处置点数</translation>
        </message>
        <message>
            <source>per km²</source>
            <translation>按平方公里</translation>
        </message>
        <message>
            <source>fixed</source>
            <translation>固定数量</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Hazard</source>
            <translation>事件类别</translation>
        </message>
        <message>
            <source>Grades</source>
            <translation>响应级别</translation>
        </message>
        <message>
            <source>Clauses</source>
            <translation>依据条款</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>概要</translation>
        </message>
        <message>
            <source>Example</source>
            <translation>示例</translation>
        </message>
        <message>
            <source>Phase</source>
            <translation>阶段</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>顺序</translation>
        </message>
        <message>
            <source>Instructions</source>
            <translation>处置要求</translation>
        </message>
        <message>
            <source>Lead agency</source>
            <translation>牵头单位</translation>
        </message>
        <message>
            <source>Supporting agencies</source>
            <translation>配合单位</translation>
        </message>
        <message>
            <source>Deadline (hours)</source>
            <translation>时限（小时）</translation>
        </message>
        <message>
            <source>Minimum grade</source>
            <translation>适用起始级别</translation>
        </message>
        <message>
            <source>Checklist</source>
            <translation>检查清单</translation>
        </message>
        <message>
            <source>Specialties</source>
            <translation>专业领域</translation>
        </message>
        <message>
            <source>Clause</source>
            <translation>条款</translation>
        </message>
        <message>
            <source>Why by analogy</source>
            <translation>参照说明</translation>
        </message>
        <message>
            <source>Words of the plan quoted</source>
            <translation>引用的方案原话</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Quantity per day</source>
            <translation>每日用量</translation>
        </message>
        <message>
            <source>Days</source>
            <translation>天数</translation>
        </message>
        <message>
            <source>Buffer %</source>
            <translation>冗余 %</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
    </context>
    <context>
        <name>PlaybookSources</name>
        <message>
            <source>The city plan: the clause the task cites says it.</source>
            <translation>实施方案：任务所引条款中有此规定。</translation>
        </message>
        <message>
            <source>Set by the Regulation on Public Health Emergencies (e.g. its reporting hours), not by the city plan.</source>
            <translation>由《突发公共卫生事件应急条例》规定（如报告时限），不是实施方案的内容。</translation>
        </message>
        <message>
            <source>The grading of the National Public Health Emergency Plan (I most serious … IV general), not the city plan.</source>
            <translation>按《国家突发公共卫生事件应急预案》的分级（Ⅰ级特别重大……Ⅳ级一般），不是实施方案的内容。</translation>
        </message>
        <message>
            <source>The program's example: the city plan does not set it. Check it against local practice and change it in a new version.</source>
            <translation>本程序给出的示例：实施方案没有规定。请对照本地实际核实，并在新版本中修改。</translation>
        </message>
        <message>
            <source>This station's own rule: changed here.</source>
            <translation>本站规定：在本站修改过。</translation>
        </message>
        <message>
            <source>Made before sources were recorded: where this value comes from is not stated.</source>
            <translation>在记录来源之前制定：未注明此项的来源。</translation>
        </message>
    </context>
    <context>
        <name>PlaybooksPage</name>
        <message>
            <source>Playbooks</source>
            <translation>预案库</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Hazard</source>
            <translation>事件类别</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Example</source>
            <translation>示例</translation>
        </message>
        <message>
            <source>Search: code, title or any words of a task (e.g. 消毒)</source>
            <translation>搜索：编码、名称或任务中的任何词语（如“消毒”）</translation>
        </message>
        <message>
            <source>All hazards</source>
            <translation>全部类别</translation>
        </message>
        <message>
            <source>Compare versions</source>
            <translation>版本对比</translation>
        </message>
        <message>
            <source>Responsibility matrix</source>
            <translation>责任矩阵</translation>
        </message>
        <message>
            <source>{count} version(s)</source>
            <translation>{count} 个版本</translation>
        </message>
    </context>
    <context>
        <name>PreviewDialog</name>
        <message>
            <source>Print preview — {number}</source>
            <translation>打印预览 — {number}</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <source>Export PDF…</source>
            <translation>导出 PDF…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Copies</source>
            <translation>联数</translation>
        </message>
        <message>
            <source>Preparing the PDF…</source>
            <translation>正在生成 PDF…</translation>
        </message>
        <message>
            <source>{pages} page(s)</source>
            <translation>共 {pages} 页</translation>
        </message>
        <message>
            <source>{pages} page(s) sent to the printer.</source>
            <translation>已将 {pages} 页发送到打印机。</translation>
        </message>
        <message>
            <source>The PDF could not be written to {path}: {reason}</source>
            <translation>无法写入 PDF 文件 {path}：{reason}</translation>
        </message>
        <message>
            <source>Exported to {path}.</source>
            <translation>已导出到 {path}。</translation>
        </message>
    </context>
    <context>
        <name>QualificationAlertsView</name>
        <message>
            <source>Expert</source>
            <translation>专家</translation>
        </message>
        <message>
            <source>Certificate</source>
            <translation>资质证书</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Expires on</source>
            <translation>有效期至</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>No expert's certificate expires within {days} days.</source>
            <translation>{days} 天内没有到期的专家证书。</translation>
        </message>
        <message>
            <source>Expired {days} days ago</source>
            <translation>已过期 {days} 天</translation>
        </message>
        <message>
            <source>Expires today</source>
            <translation>今日到期</translation>
        </message>
        <message>
            <source>Expires in {days} days</source>
            <translation>{days} 天后到期</translation>
        </message>
        <message>
            <source>{expired} expired, {near} expiring within {days} days (double-click: the expert).</source>
            <translation>{expired} 项已过期，{near} 项将在 {days} 天内到期（双击查看该专家）。</translation>
        </message>
    </context>
    <context>
        <name>QualificationDialog</name>
        <message>
            <source>Edit qualification</source>
            <translation>修改资质证书</translation>
        </message>
        <message>
            <source>Add qualification</source>
            <translation>添加资质证书</translation>
        </message>
        <message>
            <source>e.g. 生物安全培训合格证</source>
            <translation>例如 生物安全培训合格证</translation>
        </message>
        <message>
            <source>e.g. {date}</source>
            <translation>例如 {date}</translation>
        </message>
        <message>
            <source>Certificate</source>
            <translation>资质证书</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Issued on</source>
            <translation>发证日期</translation>
        </message>
        <message>
            <source>Expires on</source>
            <translation>有效期至</translation>
        </message>
    </context>
    <context>
        <name>QualificationsTable</name>
        <message>
            <source>Certificate</source>
            <translation>资质证书</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Issued on</source>
            <translation>发证日期</translation>
        </message>
        <message>
            <source>Expires on</source>
            <translation>有效期至</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>添加…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>修改…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>删除</translation>
        </message>
    </context>
    <context>
        <name>RateDialog</name>
        <message>
            <source>Rate objective {code}</source>
            <translation>评定目标 {code}</translation>
        </message>
        <message>
            <source>What the rating rests on</source>
            <translation>评定依据</translation>
        </message>
        <message>
            <source>Objective</source>
            <translation>目标</translation>
        </message>
        <message>
            <source>Rating</source>
            <translation>评定</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>说明</translation>
        </message>
    </context>
    <context>
        <name>ReceiveDialog</name>
        <message>
            <source>Receive stock</source>
            <translation>入库</translation>
        </message>
        <message>
            <source>No expiry date</source>
            <translation>无有效期</translation>
        </message>
        <message>
            <source>Purchase</source>
            <translation>采购</translation>
        </message>
        <message>
            <source>Donation</source>
            <translation>捐赠</translation>
        </message>
        <message>
            <source>Transfer in</source>
            <translation>调入</translation>
        </message>
        <message>
            <source>Return</source>
            <translation>退库</translation>
        </message>
        <message>
            <source>e.g. purchase order or delivery note number</source>
            <translation>如：采购单号或送货单号</translation>
        </message>
        <message>
            <source>Depot</source>
            <translation>仓库</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>物资</translation>
        </message>
        <message>
            <source>Batch number</source>
            <translation>批号</translation>
        </message>
        <message>
            <source>Expiry date</source>
            <translation>有效期至</translation>
        </message>
        <message>
            <source>Production date</source>
            <translation>生产日期</translation>
        </message>
        <message>
            <source>Manufacturer</source>
            <translation>生产企业</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Document number</source>
            <translation>单据号</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Received {qty} of {item}, lot {lot}, at {depot}.</source>
            <translation>{item} 批次 {lot} 已入库 {qty}（{depot}）。</translation>
        </message>
        <message>
            <source>Receive allocation order</source>
            <translation>调拨单接收</translation>
        </message>
        <message>
            <source>Required when a received quantity differs</source>
            <translation>实收与发出数量不一致时必填</translation>
        </message>
        <message>
            <source>Double-click a received quantity to change it.</source>
            <translation>双击实收数量可进行修改。</translation>
        </message>
        <message>
            <source>Reason for difference</source>
            <translation>差异原因</translation>
        </message>
        <message>
            <source>{count} lot(s) received differ from what was sent.</source>
            <translation>有 {count} 个批次的实收数量与发出数量不一致。</translation>
        </message>
        <message>
            <source>What was received differs from what was sent: give the reason.</source>
            <translation>实收数量与发出数量不一致，请填写差异原因。</translation>
        </message>
    </context>
    <context>
        <name>RecommendDialog</name>
        <message>
            <source>Recommendations — {number}</source>
            <translation>建议 — {number}</translation>
        </message>
        <message>
            <source>None recorded yet.</source>
            <translation>尚无记录。</translation>
        </message>
        <message>
            <source>The whole incident</source>
            <translation>整个事件</translation>
        </message>
        <message>
            <source>What the monitoring shows and what should follow</source>
            <translation>监测发现及后续建议</translation>
        </message>
        <message>
            <source>Recorded</source>
            <translation>已有建议</translation>
        </message>
        <message>
            <source>For</source>
            <translation>适用于</translation>
        </message>
        <message>
            <source>Recommendation</source>
            <translation>建议</translation>
        </message>
    </context>
    <context>
        <name>ReconcileDialog</name>
        <message>
            <source>Reconcile a negative balance</source>
            <translation>负库存对账</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>操作人</translation>
        </message>
        <message>
            <source>Station</source>
            <translation>站点</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Movement</source>
            <translation>业务类型</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Required: what the count found, e.g. both stations issued the same boxes</source>
            <translation>必填：盘点发现的情况，例如两个站点发放了同一批箱子</translation>
        </message>
        <message>
            <source>Book balance</source>
            <translation>账面结存</translation>
        </message>
        <message>
            <source>Stations involved</source>
            <translation>涉及站点</translation>
        </message>
        <message>
            <source>Counted quantity</source>
            <translation>实盘数量</translation>
        </message>
        <message>
            <source>{item}, lot {batch}, at {depot}</source>
            <translation>{item}，批号 {batch}，{depot}</translation>
        </message>
        <message>
            <source>This balance is no longer negative: nothing to reconcile.</source>
            <translation>该库存已不再为负，无需对账。</translation>
        </message>
        <message>
            <source>{item_name} ({item}), lot {batch}, at {depot_name} ({depot})</source>
            <translation>{item_name}（{item}），批号 {batch}，{depot_name}（{depot}）</translation>
        </message>
        <message>
            <source>Never counted: every movement of the lot here is shown.</source>
            <translation>从未盘点：显示该批次在此仓库的全部出入库记录。</translation>
        </message>
        <message>
            <source>Movements since the last count ({when}, {who} at {station}).</source>
            <translation>上次盘点（{when}，{station} 的 {who}）以来的出入库记录。</translation>
        </message>
        <message>
            <source>Reconciled: book {book}, counted {counted}, adjusted by {difference}.</source>
            <translation>已对账：账面 {book}，实盘 {counted}，调整 {difference}。</translation>
        </message>
    </context>
    <context>
        <name>RecordEditor</name>
        <message>
            <source>New</source>
            <translation>新建</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>New record</source>
            <translation>新建记录</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
    </context>
    <context>
        <name>ReportDialog</name>
        <message>
            <source>Name the unit that discovered the event and reports it (a hospital, a laboratory, a farm …).</source>
            <translation>请填写发现并报告事件的单位（如医院、实验室、养殖场……）。</translation>
        </message>
        <message>
            <source>New information report — {number}</source>
            <translation>新建信息报告 — {number}</translation>
        </message>
        <message>
            <source>(reported)</source>
            <translation>（已报）</translation>
        </message>
        <message>
            <source>By default: the kind of report and the incident</source>
            <translation>默认：报告类别加事件标题</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>报告类别</translation>
        </message>
        <message>
            <source>Step of the chain</source>
            <translation>报告环节</translation>
        </message>
        <message>
            <source>Reported at</source>
            <translation>报告时间</translation>
        </message>
        <message>
            <source>From</source>
            <translation>报告单位</translation>
        </message>
        <message>
            <source>To</source>
            <translation>接收单位</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Situation</source>
            <translation>事件概况</translation>
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
            <source>No deadline set by the rules for this report.</source>
            <translation>法规未对该报告规定时限。</translation>
        </message>
        <message>
            <source>Due {due} — {basis}</source>
            <translation>截止 {due} — 依据{basis}</translation>
        </message>
        <message>
            <source>Reported {time}.</source>
            <translation>已于 {time} 报告。</translation>
        </message>
        <message>
            <source>Report {number} recorded: {kind}, {sender} → {receiver}.</source>
            <translation>已登记报告 {number}：{kind}，{sender} → {receiver}。</translation>
        </message>
    </context>
    <context>
        <name>ReportsTab</name>
        <message>
            <source>{days} days</source>
            <translation>{days} 天</translation>
        </message>
        <message>
            <source>{hours} h</source>
            <translation>{hours} 小时</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>报告</translation>
        </message>
        <message>
            <source>From</source>
            <translation>报告单位</translation>
        </message>
        <message>
            <source>To</source>
            <translation>接收单位</translation>
        </message>
        <message>
            <source>Time limit</source>
            <translation>时限</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>截止时间</translation>
        </message>
        <message>
            <source>State</source>
            <translation>情况</translation>
        </message>
        <message>
            <source>Basis</source>
            <translation>依据</translation>
        </message>
        <message>
            <source>Reported {time}, late</source>
            <translation>{time} 已报（超时）</translation>
        </message>
        <message>
            <source>Reported {time}</source>
            <translation>{time} 已报</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>已逾期</translation>
        </message>
        <message>
            <source>To report</source>
            <translation>待报</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>环节</translation>
        </message>
        <message>
            <source>Reported</source>
            <translation>报告时间</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Signed by</source>
            <translation>签发人</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>时限</translation>
        </message>
        <message>
            <source>Late (due {time})</source>
            <translation>超时（应于 {time} 前）</translation>
        </message>
        <message>
            <source>On time</source>
            <translation>按时</translation>
        </message>
        <message>
            <source>New report…</source>
            <translation>新建报告…</translation>
        </message>
        <message>
            <source>Print report…</source>
            <translation>打印报告…</translation>
        </message>
        <message>
            <source>Reporting deadlines…</source>
            <translation>报告时限设置…</translation>
        </message>
        <message>
            <source>Deadlines from 《突发公共卫生事件应急条例》 第十九、二十条 (first reports along the chain) and 《国家突发公共卫生事件相关信息报告管理工作规范（试行）》 (progress and final reports); the city plan sets no hour limit. Each link counts from the report before it.</source>
            <translation>报告时限依据《突发公共卫生事件应急条例》第十九、二十条（逐级首次报告）和《国家突发公共卫生事件相关信息报告管理工作规范（试行）》（进程报告、结案报告）；市预案未规定报告时限。每一环节自上一环节报告时起算。</translation>
        </message>
        <message>
            <source>Reports due</source>
            <translation>应报信息</translation>
        </message>
        <message>
            <source>Reports made</source>
            <translation>已报信息</translation>
        </message>
        <message>
            <source>{count} report(s) overdue: {names}.</source>
            <translation>{count} 项报告已逾期：{names}。</translation>
        </message>
    </context>
    <context>
        <name>ReservesPage</name>
        <message>
            <source>Receive…</source>
            <translation>入库…</translation>
        </message>
        <message>
            <source>Stock in: purchase, donation, return</source>
            <translation>物资入库：采购、捐赠、退库</translation>
        </message>
        <message>
            <source>Issue…</source>
            <translation>出库…</translation>
        </message>
        <message>
            <source>Stock out, earliest expiry first</source>
            <translation>物资出库，近效期先出</translation>
        </message>
        <message>
            <source>Transfer…</source>
            <translation>调拨…</translation>
        </message>
        <message>
            <source>Send stock to another depot</source>
            <translation>将库存调往其他仓库</translation>
        </message>
        <message>
            <source>Count…</source>
            <translation>盘点…</translation>
        </message>
        <message>
            <source>Record a stock count of a lot</source>
            <translation>登记某批次的盘点结果</translation>
        </message>
        <message>
            <source>Write off…</source>
            <translation>报废…</translation>
        </message>
        <message>
            <source>Expired, damaged or lost stock</source>
            <translation>过期、损坏或丢失的库存</translation>
        </message>
        <message>
            <source>Lot status…</source>
            <translation>批次状态…</translation>
        </message>
        <message>
            <source>Release, quarantine or freeze a lot</source>
            <translation>将批次设为合格、待检或冻结</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>Search items: name, code or pinyin initials (kz)</source>
            <translation>搜索物资：名称、编码或拼音首字母（如 kz）</translation>
        </message>
        <message>
            <source>Stock</source>
            <translation>库存</translation>
        </message>
        <message>
            <source>Ledger</source>
            <translation>台账</translation>
        </message>
        <message>
            <source>Alerts</source>
            <translation>预警</translation>
        </message>
        <message>
            <source>Rotation</source>
            <translation>轮换</translation>
        </message>
        <message>
            <source>In transit</source>
            <translation>在途</translation>
        </message>
        <message>
            <source>Catalogue</source>
            <translation>目录</translation>
        </message>
        <message>
            <source>Depots</source>
            <translation>仓库</translation>
        </message>
        <message>
            <source>Norms</source>
            <translation>定额</translation>
        </message>
        <message>
            <source>Material reserves</source>
            <translation>物资储备</translation>
        </message>
    </context>
    <context>
        <name>ResetDialog</name>
        <message>
            <source>Reset password</source>
            <translation>重置密码</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>账户</translation>
        </message>
        <message>
            <source>New password</source>
            <translation>新密码</translation>
        </message>
        <message>
            <source>New password again</source>
            <translation>再次输入新密码</translation>
        </message>
        <message>
            <source>The password of {name} was reset.</source>
            <translation>已重置 {name} 的密码。</translation>
        </message>
    </context>
    <context>
        <name>RevealDialog</name>
        <message>
            <source>Show identity data — {number}</source>
            <translation>显示身份信息 — {number}</translation>
        </message>
        <message>
            <source>ID numbers and phones are personal data. Showing them is recorded with your name and the reason; they are masked again when you leave the page or it is refreshed.</source>
            <translation>身份证号和电话属于个人信息。完整显示将连同您的用户名和原因记录在案；离开本页或刷新后将重新遮蔽。</translation>
        </message>
        <message>
            <source>e.g. follow-up calls by the township health centre</source>
            <translation>例如：乡镇卫生院电话随访</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
    </context>
    <context>
        <name>RotationView</name>
        <message>
            <source>Depot</source>
            <translation>仓库</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>物资</translation>
        </message>
        <message>
            <source>Batch number</source>
            <translation>批号</translation>
        </message>
        <message>
            <source>Expiry date</source>
            <translation>有效期至</translation>
        </message>
        <message>
            <source>Days left</source>
            <translation>剩余天数</translation>
        </message>
        <message>
            <source>Held</source>
            <translation>库存数量</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Proposed recipient</source>
            <translation>建议接收单位</translation>
        </message>
        <message>
            <source>Quantity to transfer</source>
            <translation>建议调拨数量</translation>
        </message>
        <message>
            <source>Replacement to buy</source>
            <translation>需补充采购</translation>
        </message>
        <message>
            <source>Recipient's use per day</source>
            <translation>接收单位日均用量</translation>
        </message>
        <message>
            <source>No hospital used it over the past year</source>
            <translation>过去一年没有医院领用此物资</translation>
        </message>
        <message>
            <source>Reserved by approved orders</source>
            <translation>已被已批准的调拨单预留</translation>
        </message>
        <message>
            <source>Uses {rate} a day: not one {unit} before it expires</source>
            <translation>日用量 {rate}，到期前用不足一{unit}</translation>
        </message>
        <message>
            <source>Why nothing is proposed</source>
            <translation>无法建议的原因</translation>
        </message>
        <message>
            <source>Lots no hospital uses, or uses too slowly to take any before they expire</source>
            <translation>没有医院领用，或领用太慢、到期前用不上的批次</translation>
        </message>
        <message>
            <source>Create transfer…</source>
            <translation>生成调拨单…</translation>
        </message>
        <message>
            <source>Reserve lots expiring within {days} days, with the hospital depot that used the item most over the past year and what it can use before the expiry date.</source>
            <translation>{days} 天内到期的储备批次；建议调往近一年用量最大的医疗机构，数量为其在到期前可用完的量。</translation>
        </message>
        <message>
            <source>Also list the {count} lots nothing can be proposed for</source>
            <translation>同时列出无法提出建议的 {count} 个批次</translation>
        </message>
        <message>
            <source>Nothing can be proposed: no hospital uses the items of the {count} lots expiring within {days} days fast enough to take them in time.</source>
            <translation>没有可提出的轮换建议：{days} 天内到期的 {count} 个批次，没有医疗机构能在到期前用上其物资。</translation>
        </message>
        <message>
            <source>No reserve lot expires within {days} days.</source>
            <translation>{days} 天内没有到期的储备批次。</translation>
        </message>
        <message>
            <source>Create transfer</source>
            <translation>生成调拨</translation>
        </message>
        <message>
            <source>Transfer {qty} {unit} of {item} (lot {lot}, expires {expiry}) from {source} to {target}?</source>
            <translation>将 {item}（批次 {lot}，有效期至 {expiry}）{qty} {unit} 从 {source} 调拨至 {target}？</translation>
        </message>
        <message>
            <source>Transfer created: {qty} in transit; confirm its arrival under In transit.</source>
            <translation>调拨单已生成：{qty} 在途；到货后请在“在途”中确认。</translation>
        </message>
    </context>
    <context>
        <name>RowErrorsDialog</name>
        <message>
            <source>MSEL not imported — {file}</source>
            <translation>MSEL 未导入 — {file}</translation>
        </message>
        <message>
            <source>Sheet</source>
            <translation>工作表</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>行</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>列</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>{count} problem(s) in the workbook; nothing was imported. Correct it and import it again.</source>
            <translation>工作簿中有 {count} 处问题，未导入任何内容。请改正后重新导入。</translation>
        </message>
    </context>
    <context>
        <name>ScheduleDialog</name>
        <message>
            <source>Add schedule — {number}</source>
            <translation>添加监测计划 — {number}</translation>
        </message>
        <message>
            <source>Temperature</source>
            <translation>体温</translation>
        </message>
        <message>
            <source>Symptoms</source>
            <translation>症状</translation>
        </message>
        <message>
            <source>Water sample test</source>
            <translation>水样检测</translation>
        </message>
        <message>
            <source>Soil sample test</source>
            <translation>土壤检测</translation>
        </message>
        <message>
            <source>Air sample test</source>
            <translation>空气采样检测</translation>
        </message>
        <message>
            <source>Surface swab test</source>
            <translation>物体表面涂抹检测</translation>
        </message>
        <message>
            <source>e.g. ℃, CFU/mL</source>
            <translation>例如：℃、CFU/mL</translation>
        </message>
        <message>
            <source> day(s)</source>
            <translation> 天</translation>
        </message>
        <message>
            <source>Optional</source>
            <translation>可不填</translation>
        </message>
        <message>
            <source>Optional, e.g. 37.2</source>
            <translation>可不填，例如 37.2</translation>
        </message>
        <message>
            <source>Default (health commission, or the site's)</source>
            <translation>默认（人员：市卫生健康委；采样点：其负责单位）</translation>
        </message>
        <message>
            <source>Cohort or site</source>
            <translation>人群或采样点</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>监测项目</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Every</source>
            <translation>每隔</translation>
        </message>
        <message>
            <source>For</source>
            <translation>持续</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>开始日期</translation>
        </message>
        <message>
            <source>Normal from</source>
            <translation>正常下限</translation>
        </message>
        <message>
            <source>Normal to</source>
            <translation>正常上限</translation>
        </message>
        <message>
            <source>Agency</source>
            <translation>负责单位</translation>
        </message>
        <message>
            <source>A person's checks start on their exposure date when that is later. A value outside the normal range is an abnormal result: it raises an alert and is noted in the incident's log.</source>
            <translation>人员的监测从其暴露日期开始（若晚于开始日期）。超出正常范围的数值即为异常结果：发出预警并记入事件大事记。</translation>
        </message>
    </context>
    <context>
        <name>SchedulesTab</name>
        <message>
            <source>Measure</source>
            <translation>监测项目</translation>
        </message>
        <message>
            <source>Cohort or site</source>
            <translation>人群或采样点</translation>
        </message>
        <message>
            <source>Frequency</source>
            <translation>频次</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>开始日期</translation>
        </message>
        <message>
            <source>Last check</source>
            <translation>末次监测</translation>
        </message>
        <message>
            <source>Normal range</source>
            <translation>正常范围</translation>
        </message>
        <message>
            <source>Agency</source>
            <translation>负责单位</translation>
        </message>
        <message>
            <source>Subjects</source>
            <translation>对象数</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Ended on {date}: {reason}</source>
            <translation>于 {date} 提前结束：{reason}</translation>
        </message>
        <message>
            <source>Add schedule…</source>
            <translation>添加监测计划…</translation>
        </message>
        <message>
            <source>End early…</source>
            <translation>提前结束…</translation>
        </message>
        <message>
            <source>{count} schedule(s) · {running} running</source>
            <translation>共 {count} 项计划 · 进行中 {running} 项</translation>
        </message>
        <message>
            <source>Schedule added.</source>
            <translation>监测计划已添加。</translation>
        </message>
        <message>
            <source>Schedule ended on {date}.</source>
            <translation>监测计划已于 {date} 结束。</translation>
        </message>
    </context>
    <context>
        <name>SearchResults</name>
        <message>
            <source>Playbook</source>
            <translation>预案</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Phase</source>
            <translation>阶段</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>任务</translation>
        </message>
        <message>
            <source>Where it is mentioned</source>
            <translation>提及之处</translation>
        </message>
        <message>
            <source>{count} task(s) mention 「{text}」:</source>
            <translation>共 {count} 项任务提及「{text}」：</translation>
        </message>
        <message>
            <source>No task mentions 「{text}」.</source>
            <translation>没有任务提及「{text}」。</translation>
        </message>
    </context>
    <context>
        <name>Session</name>
        <message>
            <source>Log in first.</source>
            <translation>请先登录。</translation>
        </message>
    </context>
    <context>
        <name>SheetImportDialog</name>
        <message>
            <source>Import into the monitoring — {number}</source>
            <translation>导入监测数据 — {number}</translation>
        </message>
        <message>
            <source>.xlsx file from a hospital or health centre</source>
            <translation>医院或卫生院报送的 .xlsx 文件</translation>
        </message>
        <message>
            <source>A cohort list or a list of results (told apart by the header row; Templates… writes both). While any row has a problem nothing is imported, and every problem is listed below.</source>
            <translation>人员名单或监测结果（按表头识别；“模板…”可生成两种模板）。只要有一行有问题就不导入任何内容，所有问题逐行列在下方。</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>行号</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>列</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Choose the file to import</source>
            <translation>选择要导入的文件</translation>
        </message>
        <message>
            <source>Spreadsheets ({patterns});;All files (*)</source>
            <translation>电子表格 ({patterns});;所有文件 (*)</translation>
        </message>
        <message>
            <source>Choose the file to import.</source>
            <translation>请选择要导入的文件。</translation>
        </message>
        <message>
            <source>Importing {file}…</source>
            <translation>正在导入 {file}…</translation>
        </message>
    </context>
    <context>
        <name>SiteDialog</name>
        <message>
            <source>Add sampling site — {number}</source>
            <translation>添加采样点 — {number}</translation>
        </message>
        <message>
            <source>Address, or a description of the place</source>
            <translation>地址或地点描述</translation>
        </message>
        <message>
            <source>Optional, e.g. 26.8934</source>
            <translation>可不填，例如 26.8934</translation>
        </message>
        <message>
            <source>Optional, e.g. 112.5720</source>
            <translation>可不填，例如 112.5720</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>地点</translation>
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
            <source>Division</source>
            <translation>区划</translation>
        </message>
        <message>
            <source>Responsible agency</source>
            <translation>负责单位</translation>
        </message>
    </context>
    <context>
        <name>SitesTab</name>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <source>Coordinates</source>
            <translation>坐标</translation>
        </message>
        <message>
            <source>Division</source>
            <translation>区划</translation>
        </message>
        <message>
            <source>Responsible agency</source>
            <translation>负责单位</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>登记时间</translation>
        </message>
        <message>
            <source>Add site…</source>
            <translation>添加采样点…</translation>
        </message>
        <message>
            <source>{count} site(s)</source>
            <translation>共 {count} 个采样点</translation>
        </message>
        <message>
            <source>Sampling site added.</source>
            <translation>采样点已添加。</translation>
        </message>
    </context>
    <context>
        <name>SourceTag</name>
        <message>
            <source>Source: {source}</source>
            <translation>来源：{source}</translation>
        </message>
    </context>
    <context>
        <name>StatusDialog</name>
        <message>
            <source>Change status — {name}</source>
            <translation>更改状态 — {name}</translation>
        </message>
        <message>
            <source>Where referred, how contact was lost, or why released</source>
            <translation>转诊去向、失访经过或解除原因</translation>
        </message>
        <message>
            <source>Current status</source>
            <translation>当前状态</translation>
        </message>
        <message>
            <source>New status</source>
            <translation>新状态</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>说明</translation>
        </message>
    </context>
    <context>
        <name>StructurePanel</name>
        <message>
            <source>Phase / task</source>
            <translation>阶段 / 任务</translation>
        </message>
        <message>
            <source>Lead agency</source>
            <translation>牵头单位</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>上移</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>下移</translation>
        </message>
        <message>
            <source>Add task</source>
            <translation>添加任务</translation>
        </message>
        <message>
            <source>A new task at the end of the phase</source>
            <translation>在本阶段末尾添加任务</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Remove the selected phase or task</source>
            <translation>删除选中的阶段或任务</translation>
        </message>
        <message>
            <source>Add phase</source>
            <translation>添加阶段</translation>
        </message>
        <message>
            <source>Phase</source>
            <translation>阶段</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Select a phase or a task.</source>
            <translation>请选择一个阶段或任务。</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>New task</source>
            <translation>新任务</translation>
        </message>
    </context>
    <context>
        <name>SummaryDialog</name>
        <message>
            <source>Monitoring summary report — {number}</source>
            <translation>长期监测总结报告 — {number}</translation>
        </message>
        <message>
            <source>All cohorts and sites</source>
            <translation>全部人群和采样点</translation>
        </message>
        <message>
            <source>Only the period</source>
            <translation>仅限期间</translation>
        </message>
        <message>
            <source>For</source>
            <translation>范围</translation>
        </message>
        <message>
            <source>From</source>
            <translation>起</translation>
        </message>
        <message>
            <source>To</source>
            <translation>止</translation>
        </message>
        <message>
            <source>Coverage of each schedule, results, abnormal findings and the recommendations recorded; people appear only by masked names.</source>
            <translation>包括各监测计划的覆盖情况、监测结果、异常发现和已记录的建议；人员仅以遮蔽后的姓名出现。</translation>
        </message>
        <message>
            <source>Preview…</source>
            <translation>预览…</translation>
        </message>
    </context>
    <context>
        <name>SummaryPrinter</name>
        <message>
            <source>{number} monitoring summary report</source>
            <translation>{number} 长期监测总结报告</translation>
        </message>
    </context>
    <context>
        <name>SummaryTab</name>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Change grade…</source>
            <translation>调整级别…</translation>
        </message>
        <message>
            <source>Advance status…</source>
            <translation>推进状态…</translation>
        </message>
        <message>
            <source>Activate playbook…</source>
            <translation>启动预案…</translation>
        </message>
        <message>
            <source>The event</source>
            <translation>事件情况</translation>
        </message>
        <message>
            <source>Hazard</source>
            <translation>事件类别</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>级别</translation>
        </message>
        <message>
            <source>Confirmation</source>
            <translation>确认程度</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Division</source>
            <translation>行政区划</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>事件概况</translation>
        </message>
        <message>
            <source>Command and times</source>
            <translation>指挥与时间</translation>
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
            <source>Reported</source>
            <translation>报告时间</translation>
        </message>
        <message>
            <source>Response from</source>
            <translation>响应开始</translation>
        </message>
        <message>
            <source>Recovery from</source>
            <translation>恢复开始</translation>
        </message>
        <message>
            <source>Monitoring from</source>
            <translation>长期监测开始</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>关闭时间</translation>
        </message>
        <message>
            <source>Scale</source>
            <translation>规模</translation>
        </message>
        <message>
            <source>Exposed people</source>
            <translation>暴露人数</translation>
        </message>
        <message>
            <source>Patients</source>
            <translation>患者人数</translation>
        </message>
        <message>
            <source>Responders</source>
            <translation>处置人员</translation>
        </message>
        <message>
            <source>Sites</source>
            <translation>现场（点位）数</translation>
        </message>
        <message>
            <source>Area</source>
            <translation>面积</translation>
        </message>
        <message>
            <source>Expected days</source>
            <translation>预计天数</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>原级别</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>理由</translation>
        </message>
        <message>
            <source>By</source>
            <translation>操作人</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>编码</translation>
        </message>
        <message>
            <source>Playbook</source>
            <translation>预案</translation>
        </message>
        <message>
            <source>At grade</source>
            <translation>启动级别</translation>
        </message>
        <message>
            <source>Activated</source>
            <translation>启动时间</translation>
        </message>
        <message>
            <source>Grade history</source>
            <translation>级别调整记录</translation>
        </message>
        <message>
            <source>Playbooks activated</source>
            <translation>已启动预案</translation>
        </message>
        <message>
            <source>Depots it may draw on</source>
            <translation>可调用仓库</translation>
        </message>
        <message>
            <source>Not named yet</source>
            <translation>尚未指定</translation>
        </message>
        <message>
            <source>not estimated</source>
            <translation>未估计</translation>
        </message>
        <message>
            <source>Chosen for this incident.</source>
            <translation>为本事件指定。</translation>
        </message>
        <message>
            <source>By default: the depots of its division and the city reserves.</source>
            <translation>默认：事件所在区划的仓库和市级储备库。</translation>
        </message>
        <message>
            <source>None.</source>
            <translation>无。</translation>
        </message>
        <message>
            <source>Nothing was changed.</source>
            <translation>没有修改任何内容。</translation>
        </message>
        <message>
            <source>Incident {number} saved.</source>
            <translation>事件 {number} 已保存。</translation>
        </message>
    </context>
    <context>
        <name>SyncPage</name>
        <message>
            <source>Sender</source>
            <translation>发送站点</translation>
        </message>
        <message>
            <source>Sequence</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>New operations</source>
            <translation>新操作</translation>
        </message>
        <message>
            <source>Already held (duplicates)</source>
            <translation>已有（重复）</translation>
        </message>
        <message>
            <source>Deferred (waiting for earlier operations)</source>
            <translation>暂缓（等待更早的操作）</translation>
        </message>
        <message>
            <source>Overdrawn balances</source>
            <translation>负库存</translation>
        </message>
        <message>
            <source>{after} (before the import: {before})</source>
            <translation>{after}（导入前：{before}）</translation>
        </message>
        <message>
            <source>Left out</source>
            <translation>未导入</translation>
        </message>
        <message>
            <source>{count} operation(s) of stations not trusted here ({origins}): trust their keys to receive them.</source>
            <translation>{count} 条操作来自本站未信任的站点（{origins}）：信任其密钥后即可接收。</translation>
        </message>
        <message>
            <source>Content not received</source>
            <translation>未收到内容</translation>
        </message>
        <message>
            <source>{count} operation(s) came withheld: personal rows (the expert roster or the monitoring persons) the sender does not send this station. Their place is kept; the sender's administrator may entitle this station to them.</source>
            <translation>{count} 条操作未收到内容：发送站点不向本站发送的个人信息（专家库或长期监测人员）。其在操作链中的位置已保留；发送站点的管理员可授权本站接收。</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>冲突</translation>
        </message>
        <message>
            <source>{count} new</source>
            <translation>新增 {count} 个</translation>
        </message>
        <message>
            <source>Clock</source>
            <translation>时钟</translation>
        </message>
        <message>
            <source>Station {station}'s clock was {hours} h ahead of this one (noted {when}); its times were not adopted. Check that station's date and time.</source>
            <translation>站点 {station} 的时钟比本站快 {hours} 小时（记录于 {when}）；本站未采用其时间。请检查该站点的日期和时间。</translation>
        </message>
        <message>
            <source>Station {code} {name} has the key fingerprint

{fingerprint}

Compare it with the fingerprint that station shows (by telephone or in person). Trust this station only if they are identical.</source>
            <translation>站点 {code} {name} 的密钥指纹为

{fingerprint}

请与该站点显示的指纹核对（电话或当面）。完全一致时才信任该站点。</translation>
        </message>
        <message>
            <source>Add station</source>
            <translation>添加站点</translation>
        </message>
        <message>
            <source>Stop trusting station {code} {name}? Its bundles will be refused from now on, and its key cannot be trusted again.</source>
            <translation>不再信任站点 {code} {name}？此后将拒收其同步包，且该密钥不能再次信任。</translation>
        </message>
        <message>
            <source>Revoke</source>
            <translation>吊销</translation>
        </message>
        <message>
            <source>Synchronization</source>
            <translation>同步</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Fingerprint</source>
            <translation>指纹</translation>
        </message>
        <message>
            <source>Trusted at</source>
            <translation>信任时间</translation>
        </message>
        <message>
            <source>Last heard from</source>
            <translation>最近收到</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Trusted</source>
            <translation>已信任</translation>
        </message>
        <message>
            <source>Revoked</source>
            <translation>已吊销</translation>
        </message>
        <message>
            <source>Personal rows sent</source>
            <translation>发送的个人信息</translation>
        </message>
        <message>
            <source>Add station…</source>
            <translation>添加站点…</translation>
        </message>
        <message>
            <source>Revoke…</source>
            <translation>吊销…</translation>
        </message>
        <message>
            <source>Personal rows sent…</source>
            <translation>发送的个人信息…</translation>
        </message>
        <message>
            <source>Trusted stations</source>
            <translation>已信任站点</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Direction</source>
            <translation>方向</translation>
        </message>
        <message>
            <source>Exported</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Station</source>
            <translation>站点</translation>
        </message>
        <message>
            <source>Operations</source>
            <translation>操作数</translation>
        </message>
        <message>
            <source>New</source>
            <translation>新增</translation>
        </message>
        <message>
            <source>Already held</source>
            <translation>已有</translation>
        </message>
        <message>
            <source>Deferred</source>
            <translation>暂缓</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Bundle history</source>
            <translation>同步记录</translation>
        </message>
        <message>
            <source>This station</source>
            <translation>本站</translation>
        </message>
        <message>
            <source>Origin</source>
            <translation>来源标识</translation>
        </message>
        <message>
            <source>Export this station's key…</source>
            <translation>导出本站密钥…</translation>
        </message>
        <message>
            <source>Other stations trust this station by its key file; read the fingerprint to them so they can compare it.</source>
            <translation>其他站点凭本站的密钥文件信任本站；请向对方宣读指纹，供其核对。</translation>
        </message>
        <message>
            <source>Bundles</source>
            <translation>同步包</translation>
        </message>
        <message>
            <source>Export bundle…</source>
            <translation>导出同步包…</translation>
        </message>
        <message>
            <source>Import bundle…</source>
            <translation>导入同步包…</translation>
        </message>
        <message>
            <source>Expert roster</source>
            <translation>专家库</translation>
        </message>
        <message>
            <source>Long-term monitoring persons</source>
            <translation>长期监测人员</translation>
        </message>
        <message>
            <source>None</source>
            <translation>无</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>A bundle for any station carries no personal rows: the expert roster (experts' names and phone numbers) and the monitoring persons' identity details are left out, since any station that trusts this one may import it. Choose a station entitled to them to send them.</source>
            <translation>发给所有站点的同步包不含个人信息：专家库（专家姓名和电话）和长期监测人员（监测对象的身份信息）均不包含，因为任何信任本站的站点都能导入它。如需发送，请选择有权接收的站点。</translation>
        </message>
        <message>
            <source>Station {name} is not entitled to personal rows: the expert roster and the monitoring persons are left out of its bundle.</source>
            <translation>站点 {name} 无权接收个人信息：发给它的同步包不含专家库和长期监测人员。</translation>
        </message>
        <message>
            <source>The bundle for {name} carries: {classes}.</source>
            <translation>发给 {name} 的同步包包含：{classes}。</translation>
        </message>
        <message>
            <source>Left out: {classes}.</source>
            <translation>不包含：{classes}。</translation>
        </message>
        <message>
            <source>It is signed, not encrypted: delete it after the import.</source>
            <translation>同步包已签名但未加密：导入后请删除。</translation>
        </message>
        <message>
            <source>Personal rows sent to this station</source>
            <translation>向该站点发送的个人信息</translation>
        </message>
        <message>
            <source>Expert roster (experts' names and phone numbers)</source>
            <translation>专家库（发送专家姓名和电话）</translation>
        </message>
        <message>
            <source>Long-term monitoring persons (the monitored persons' identity details)</source>
            <translation>长期监测人员（发送监测对象的身份信息）</translation>
        </message>
        <message>
            <source>Unchecked, bundles for this station leave those rows out. What a station received before stays there.</source>
            <translation>未勾选的，发给该站点的同步包不含这些信息。该站点此前已收到的内容仍保留在该站点。</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Trust</source>
            <translation>信任</translation>
        </message>
        <message>
            <source>Personal rows for {code} {name}</source>
            <translation>{code} {name} 的个人信息</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Export bundle</source>
            <translation>导出同步包</translation>
        </message>
        <message>
            <source>For</source>
            <translation>发往</translation>
        </message>
        <message>
            <source>All stations</source>
            <translation>全部站点</translation>
        </message>
        <message>
            <source>Choose folder and export…</source>
            <translation>选择文件夹并导出…</translation>
        </message>
        <message>
            <source>Conflicts ({count})</source>
            <translation>冲突（{count}）</translation>
        </message>
        <message>
            <source>Export this station's key</source>
            <translation>导出本站密钥</translation>
        </message>
        <message>
            <source>Station keys (*.json)</source>
            <translation>站点密钥 (*.json)</translation>
        </message>
        <message>
            <source>This station's key was written to {path}.</source>
            <translation>本站密钥已写入 {path}。</translation>
        </message>
        <message>
            <source>Station keys (*.json);;All files (*)</source>
            <translation>站点密钥 (*.json);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Nothing was trusted.</source>
            <translation>未信任任何站点。</translation>
        </message>
        <message>
            <source>Station {code} {name} is trusted. Personal rows sent: {sent}.</source>
            <translation>已信任站点 {code} {name}。发送的个人信息：{sent}。</translation>
        </message>
        <message>
            <source>Bundles for {code} {name} now carry: {sent}.</source>
            <translation>发给 {code} {name} 的同步包现在包含的个人信息：{sent}。</translation>
        </message>
        <message>
            <source>The key of station {code} is revoked.</source>
            <translation>站点 {code} 的密钥已吊销。</translation>
        </message>
        <message>
            <source>Export bundle to folder (USB stick)</source>
            <translation>导出同步包到文件夹（U 盘）</translation>
        </message>
        <message>
            <source>Writing the bundle…</source>
            <translation>正在写入同步包…</translation>
        </message>
        <message>
            <source>Bundle {sequence} written: {ops} operation(s), {bytes} bytes, {path}.</source>
            <translation>第 {sequence} 号同步包已写入：{ops} 条操作，{bytes} 字节，{path}。</translation>
        </message>
        <message>
            <source>Import bundle</source>
            <translation>导入同步包</translation>
        </message>
        <message>
            <source>BioReserve bundles (*.zip);;All files (*)</source>
            <translation>BioReserve 同步包 (*.zip);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Checking and importing {file}…</source>
            <translation>正在核验并导入 {file}…</translation>
        </message>
        <message>
            <source>Refused: {message}</source>
            <translation>已拒收：{message}</translation>
        </message>
        <message>
            <source>Everything in this bundle was here already; nothing changed.</source>
            <translation>该同步包中的内容本站均已具备，未作任何更改。</translation>
        </message>
        <message>
            <source>Bundle imported.</source>
            <translation>同步包已导入。</translation>
        </message>
    </context>
    <context>
        <name>TaskDetail</name>
        <message>
            <source>Choose a task.</source>
            <translation>请选择一项任务。</translation>
        </message>
        <message>
            <source>source: {source}</source>
            <translation>来源：{source}</translation>
        </message>
        <message>
            <source>no deadline</source>
            <translation>无时限</translation>
        </message>
        <message>
            <source>(overdue)</source>
            <translation>（已逾期）</translation>
        </message>
        <message>
            <source>{name} × {count}</source>
            <translation>{name} × {count}</translation>
        </message>
        <message>
            <source>Playbook</source>
            <translation>预案</translation>
        </message>
        <message>
            <source>Lead agency</source>
            <translation>牵头单位</translation>
        </message>
        <message>
            <source>Supporting</source>
            <translation>配合单位</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>时限</translation>
        </message>
        <message>
            <source>From grade</source>
            <translation>适用起始级别</translation>
        </message>
        <message>
            <source>Basis in the plan</source>
            <translation>方案依据</translation>
        </message>
        <message>
            <source>Experts needed</source>
            <translation>所需专家</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Instructions</source>
            <translation>处置要求</translation>
        </message>
        <message>
            <source>Checklist</source>
            <translation>检查清单</translation>
        </message>
    </context>
    <context>
        <name>TaskForm</name>
        <message>
            <source>no deadline</source>
            <translation>无时限</translation>
        </message>
        <message>
            <source> h</source>
            <translation> 小时</translation>
        </message>
        <message>
            <source>One item per line</source>
            <translation>每行一项</translation>
        </message>
        <message>
            <source>Specialty</source>
            <translation>专业领域</translation>
        </message>
        <message>
            <source>Experts</source>
            <translation>人数</translation>
        </message>
        <message>
            <source>e.g. 三（一）一；参照三（六）三</source>
            <translation>如 三（一）一；参照三（六）三</translation>
        </message>
        <message>
            <source>Why the task applies a clause by analogy (参照): what the clause is written for, and why it fits here</source>
            <translation>参照的理由：该条款原本针对什么情形，为什么适用于本任务</translation>
        </message>
        <message>
            <source>Why by analogy</source>
            <translation>参照说明</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>任务</translation>
        </message>
        <message>
            <source>Basis in the plan</source>
            <translation>方案依据</translation>
        </message>
        <message>
            <source>Instructions</source>
            <translation>处置要求</translation>
        </message>
        <message>
            <source>The plan names there: {agencies}</source>
            <translation>方案在所引条款中点名：{agencies}</translation>
        </message>
        <message>
            <source>The plan names no agency there.</source>
            <translation>方案在所引条款中未点名任何单位。</translation>
        </message>
        <message>
            <source>Not named there: {agencies}</source>
            <translation>所引条款未点名：{agencies}</translation>
        </message>
        <message>
            <source>Say why the task applies a clause by analogy (参照).</source>
            <translation>请说明本任务参照执行该条款的理由。</translation>
        </message>
        <message>
            <source>Lead agency</source>
            <translation>牵头单位</translation>
        </message>
        <message>
            <source>Deadline after activation</source>
            <translation>启动后时限</translation>
        </message>
        <message>
            <source>From grade</source>
            <translation>适用起始级别</translation>
        </message>
        <message>
            <source>Checklist</source>
            <translation>检查清单</translation>
        </message>
        <message>
            <source>Supporting agencies</source>
            <translation>配合单位</translation>
        </message>
        <message>
            <source>Specialties needed</source>
            <translation>所需专家</translation>
        </message>
    </context>
    <context>
        <name>TaskStatusDialog</name>
        <message>
            <source>Update task status</source>
            <translation>更新任务状态</translation>
        </message>
        <message>
            <source>Lead agency</source>
            <translation>牵头单位</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Required: what blocks the task, or why it does not apply</source>
            <translation>必填：任务受阻的原因，或不适用的理由</translation>
        </message>
        <message>
            <source>Optional: what was done, by whom</source>
            <translation>选填：做了什么，由谁完成</translation>
        </message>
        <message>
            <source>Task {title}: {status}.</source>
            <translation>任务“{title}”：{status}。</translation>
        </message>
    </context>
    <context>
        <name>TasksTab</name>
        <message>
            <source>All agencies</source>
            <translation>全部单位</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <source>Overdue only</source>
            <translation>仅显示逾期</translation>
        </message>
        <message>
            <source>Update status…</source>
            <translation>更新状态…</translation>
        </message>
        <message>
            <source>Agency</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>任务</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>时限</translation>
        </message>
        <message>
            <source>Phase</source>
            <translation>阶段</translation>
        </message>
        <message>
            <source>Supporting agencies</source>
            <translation>配合单位</translation>
        </message>
        <message>
            <source>Last update</source>
            <translation>最近更新</translation>
        </message>
        <message>
            <source>{count} task(s)</source>
            <translation>共 {count} 项任务</translation>
        </message>
        <message>
            <source>{count} overdue</source>
            <translation>逾期 {count} 项</translation>
        </message>
        <message>
            <source>{agency} leads</source>
            <translation>{agency} 牵头</translation>
        </message>
        <message>
            <source>{agency} supports</source>
            <translation>{agency} 配合</translation>
        </message>
        <message>
            <source>No lead agency</source>
            <translation>未指定牵头单位</translation>
        </message>
        <message>
            <source>{caption} — {done} of {count} finished</source>
            <translation>{caption} — 已完成 {done}/{count}</translation>
        </message>
        <message>
            <source>, {late} overdue</source>
            <translation>，逾期 {late}</translation>
        </message>
        <message>
            <source>Overdue since {time}</source>
            <translation>自 {time} 起逾期</translation>
        </message>
    </context>
    <context>
        <name>TransferDialog</name>
        <message>
            <source>Transfer stock</source>
            <translation>调拨</translation>
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
            <source>Document number</source>
            <translation>单据号</translation>
        </message>
        <message>
            <source>Sent {qty} to {depot}; in transit until received.</source>
            <translation>已向 {depot} 发出 {qty}，到货确认前为在途。</translation>
        </message>
    </context>
    <context>
        <name>TransitView</name>
        <message>
            <source>Sent</source>
            <translation>发出时间</translation>
        </message>
        <message>
            <source>From</source>
            <translation>调出仓库</translation>
        </message>
        <message>
            <source>To</source>
            <translation>调入仓库</translation>
        </message>
        <message>
            <source>Item code</source>
            <translation>物资编码</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>物资</translation>
        </message>
        <message>
            <source>Batch number</source>
            <translation>批号</translation>
        </message>
        <message>
            <source>Quantity sent</source>
            <translation>发出数量</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>单据号</translation>
        </message>
        <message>
            <source>No transfer is in transit: what is sent to another depot waits here for its arrival to be confirmed.</source>
            <translation>没有在途的调拨：发往其他仓库的物资在此等待确认到货。</translation>
        </message>
        <message>
            <source>Confirm arrival…</source>
            <translation>到货确认…</translation>
        </message>
        <message>
            <source>Received {received} of {sent} sent.</source>
            <translation>到货确认：发出 {sent}，实收 {received}。</translation>
        </message>
    </context>
    <context>
        <name>UnknownValues</name>
        <message>
            <source>Values not in the vocabularies</source>
            <translation>词表中没有的值</translation>
        </message>
        <message>
            <source>Tick the values to add to their vocabulary (they become values like the others, at every station), or correct the file.</source>
            <translation>勾选要添加到词表的值（添加后与其他值一样，在各站点通用），或改正文件。</translation>
        </message>
        <message>
            <source>Vocabulary</source>
            <translation>词表</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <source>Rows</source>
            <translation>行</translation>
        </message>
        <message>
            <source>Nearest known values</source>
            <translation>最接近的已知值</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <source>Add the ticked values and import</source>
            <translation>添加所勾选的值并导入</translation>
        </message>
        <message>
            <source>Cannot be added</source>
            <translation>不能添加</translation>
        </message>
        <message>
            <source>Add all the same (close to “{value}”)</source>
            <translation>仍然添加（与“{value}”相近）</translation>
        </message>
        <message>
            <source>Add to the vocabulary</source>
            <translation>添加到词表</translation>
        </message>
    </context>
    <context>
        <name>UnlockDialog</name>
        <message>
            <source>Locked — BioReserve</source>
            <translation>已锁定 — 生物安全应急储备与处置系统</translation>
        </message>
        <message>
            <source>The window is locked. {user} is logged in: type the password to go on.</source>
            <translation>窗口已锁定。当前登录用户为 {user}，请输入密码继续。</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>解锁</translation>
        </message>
        <message>
            <source>Switch user…</source>
            <translation>切换用户…</translation>
        </message>
    </context>
    <context>
        <name>UsersDialog</name>
        <message>
            <source>User accounts</source>
            <translation>用户管理</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>账户</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Agency</source>
            <translation>所属单位</translation>
        </message>
        <message>
            <source>Depots</source>
            <translation>负责仓库</translation>
        </message>
        <message>
            <source>Disabled</source>
            <translation>已停用</translation>
        </message>
        <message>
            <source>Locked until</source>
            <translation>锁定至</translation>
        </message>
        <message>
            <source>New account…</source>
            <translation>新建账户…</translation>
        </message>
        <message>
            <source>Disable</source>
            <translation>停用</translation>
        </message>
        <message>
            <source>Reset password…</source>
            <translation>重置密码…</translation>
        </message>
        <message>
            <source>Change role…</source>
            <translation>修改角色…</translation>
        </message>
        <message>
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Lock the window after this long without input:</source>
            <translation>无操作多长时间后锁定窗口：</translation>
        </message>
        <message>
            <source>Enable</source>
            <translation>启用</translation>
        </message>
        <message>
            <source>{name} is disabled.</source>
            <translation>已停用 {name}。</translation>
        </message>
        <message>
            <source>{name} is enabled again.</source>
            <translation>已重新启用 {name}。</translation>
        </message>
        <message>
            <source>The window now locks after {n} minutes without input.</source>
            <translation>现在无操作 {n} 分钟后锁定窗口。</translation>
        </message>
    </context>
    <context>
        <name>VerifyDialog</name>
        <message>
            <source>Verify QR code</source>
            <translation>核验二维码</translation>
        </message>
        <message>
            <source>Scan the QR code of a printed allocation order, or paste its text, and press Enter. The signature shows whether the order was issued by a trusted station and has not been altered.</source>
            <translation>扫描纸质调拨单上的二维码，或粘贴二维码文本后按回车。系统核验签名，判断该调拨单是否由受信任的站点签发且未被篡改。</translation>
        </message>
        <message>
            <source>Verify</source>
            <translation>核验</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>正在核验…</translation>
        </message>
        <message>
            <source>Order: {number}</source>
            <translation>调拨单：{number}</translation>
        </message>
        <message>
            <source>Signing station: {origin}</source>
            <translation>签发站点：{origin}</translation>
        </message>
    </context>
    <context>
        <name>WriteoffDialog</name>
        <message>
            <source>Write off stock</source>
            <translation>报废</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>已过期</translation>
        </message>
        <message>
            <source>Damaged</source>
            <translation>损坏</translation>
        </message>
        <message>
            <source>Lost</source>
            <translation>丢失</translation>
        </message>
        <message>
            <source>Depot</source>
            <translation>仓库</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>物资</translation>
        </message>
        <message>
            <source>Lot</source>
            <translation>批次</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Choose the lot to write off.</source>
            <translation>请选择要报废的批次。</translation>
        </message>
        <message>
            <source>Wrote off {qty} of {item}, lot {lot} ({reason}).</source>
            <translation>{item} 批次 {lot} 已报废 {qty}（{reason}）。</translation>
        </message>
    </context>
</TS>
