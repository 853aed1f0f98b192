<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>App</name>
        <message>
            <location filename="../../desktop/ui/app.py" line="136" />
            <source>Open database</source>
            <translation>打开数据库</translation>
        </message>
    </context>
    <context>
        <name>DepotSummaryModel</name>
        <message>
            <location filename="../../desktop/ui/depot_summary_model.py" line="11" />
            <source>Code</source>
            <translation>编码</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/depot_summary_model.py" line="12" />
            <source>Depot</source>
            <translation>仓库</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/depot_summary_model.py" line="13" />
            <source>Level</source>
            <translation>级别</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/depot_summary_model.py" line="14" />
            <source>Items</source>
            <translation>品种数</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/depot_summary_model.py" line="15" />
            <source>Units in stock</source>
            <translation>库存总量</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/depot_summary_model.py" line="16" />
            <source>Lots near expiry</source>
            <translation>近效期批次</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/depot_summary_model.py" line="17" />
            <source>Expired lots</source>
            <translation>过期批次</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="44" />
            <source>BioReserve — Biosafety Emergency Reserves and Response</source>
            <translation>生物安全应急储备与处置系统</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="46" />
            <source>[DEMONSTRATION DATA]</source>
            <translation>【演示数据】</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="56" />
            <source>Overview</source>
            <translation>总览</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="76" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="77" />
            <source>&amp;New database…</source>
            <translation>新建数据库(&amp;N)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="80" />
            <source>&amp;Open database…</source>
            <translation>打开数据库(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="83" />
            <source>&amp;Check database</source>
            <translation>检查数据库(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="85" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="93" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="94" />
            <source>&amp;Refresh</source>
            <translation>刷新(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="99" />
            <source>&amp;Settings</source>
            <translation>设置(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="100" />
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="111" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="112" />
            <source>&amp;About BioReserve</source>
            <translation>关于本系统(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="119" />
            <source>Station: {name} ({code})</source>
            <translation>站点：{name}（{code}）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="123" />
            <source>Database: {path}</source>
            <translation>数据库：{path}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="128" />
            <source>DEMO DATA</source>
            <translation>演示数据</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="138" />
            <source>Open database</source>
            <translation>打开数据库</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="140" />
            <source>BioReserve databases (*.db *.sqlite);;All files (*)</source>
            <translation>系统数据库 (*.db *.sqlite);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="146" />
            <source>Checking the database…</source>
            <translation>正在检查数据库…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="154" />
            <location filename="../../desktop/ui/main_window.py" line="161" />
            <source>Check database</source>
            <translation>检查数据库</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="155" />
            <source>No problems found: the data matches its operations.</source>
            <translation>未发现问题：数据与操作日志一致。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="162" />
            <source>{count} problem(s) found:</source>
            <translation>共发现 {count} 个问题：</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="168" />
            <source>About BioReserve</source>
            <translation>关于本系统</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="170" />
            <source>BioReserve {version}

Biosafety emergency reserves and response for the Hengyang biosafety coordination mechanism. Works offline; every change is recorded as an operation that other stations can merge.</source>
            <translation>生物安全应急储备与处置系统 {version}

服务于衡阳市国家安全生物与公共卫生领域工作协调机制。可离线使用；每项变更都记录为操作日志，可与其他站点合并同步。</translation>
        </message>
    </context>
    <context>
        <name>NewDatabaseDialog</name>
        <message>
            <location filename="../../desktop/ui/new_database_dialog.py" line="23" />
            <location filename="../../desktop/ui/new_database_dialog.py" line="55" />
            <source>New database</source>
            <translation>新建数据库</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/new_database_dialog.py" line="25" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/new_database_dialog.py" line="35" />
            <source>e.g. Hengyang Emergency Management Bureau</source>
            <translation>例如：衡阳市应急管理局</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/new_database_dialog.py" line="36" />
            <source>Add the demonstration data set</source>
            <translation>加入演示数据</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/new_database_dialog.py" line="41" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/new_database_dialog.py" line="42" />
            <source>Station code</source>
            <translation>站点代码</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/new_database_dialog.py" line="43" />
            <source>Station name</source>
            <translation>站点名称</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/new_database_dialog.py" line="55" />
            <source>BioReserve databases (*.db)</source>
            <translation>系统数据库 (*.db)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/new_database_dialog.py" line="62" />
            <source>Choose a file for the new database.</source>
            <translation>请为新数据库选择文件。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/new_database_dialog.py" line="70" />
            <source>Give the station a name.</source>
            <translation>请填写站点名称。</translation>
        </message>
    </context>
    <context>
        <name>OverviewPage</name>
        <message>
            <location filename="../../desktop/ui/overview_page.py" line="52" />
            <source>Overview</source>
            <translation>总览</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/overview_page.py" line="58" />
            <source>DEMONSTRATION DATA: this database holds a demonstration data set and must not be used for real operations.</source>
            <translation>演示数据：本数据库包含演示数据集，不得用于实际应急处置。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/overview_page.py" line="69" />
            <source>Depots</source>
            <translation>储备仓库</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/overview_page.py" line="70" />
            <source>Catalogue items</source>
            <translation>物资品种</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/overview_page.py" line="71" />
            <source>Lots in stock</source>
            <translation>在库批次</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/overview_page.py" line="73" />
            <source>Lots expiring within {days} days</source>
            <translation>{days} 天内到期批次</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/overview_page.py" line="76" />
            <source>Expired lots in stock</source>
            <translation>已过期在库批次</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/overview_page.py" line="77" />
            <source>Experts</source>
            <translation>专家</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/overview_page.py" line="78" />
            <source>Member agencies</source>
            <translation>成员单位</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/overview_page.py" line="79" />
            <source>Administrative divisions</source>
            <translation>行政区划</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/overview_page.py" line="85" />
            <source>Stock by depot</source>
            <translation>各仓库库存概况</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/overview_page.py" line="98" />
            <location filename="../../desktop/ui/overview_page.py" line="104" />
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/overview_page.py" line="113" />
            <source>Updated</source>
            <translation>已更新</translation>
        </message>
    </context>
</TS>