<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>ZoneApp Indicator Dashboard</source>
        <translation>园区指标看板</translation>
    </message>
    <message>
        <source>Data: %1 (%2), folder %3</source>
        <translation>数据：%1（%2），文件夹 %3</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>No data folder is open.</source>
        <translation>尚未打开数据文件夹。</translation>
    </message>
    <message>
        <source>Chinese text is set in the system&apos;s Chinese UI font (Microsoft YaHei, PingFang SC, Noto Sans CJK SC, …) or, without one, in the Noto Sans CJK SC subset ZoneApp ships (SIL Open Font License).</source>
        <translation>中文使用系统的中文界面字体（微软雅黑、苹方、Noto Sans CJK SC 等）；没有时使用 ZoneApp 自带的 Noto Sans CJK SC 子集（SIL 开源字体许可证）。</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>No data</source>
        <translation>暂无数据</translation>
    </message>
</context>
<context>
    <name>ChartActions</name>
    <message>
        <source>Save as PNG…</source>
        <translation>保存为 PNG…</translation>
    </message>
    <message>
        <source>Save as SVG…</source>
        <translation>保存为 SVG…</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>复制图片</translation>
    </message>
    <message>
        <source>Export data as CSV…</source>
        <translation>导出数据为 CSV…</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>还原缩放</translation>
    </message>
    <message>
        <source>Back to the whole chart (Ctrl+wheel zooms, as does the wheel after a click on the chart; drag to pan)</source>
        <translation>回到完整图表（Ctrl+滚轮缩放，单击图表后滚轮也可缩放；拖动平移）</translation>
    </message>
    <message>
        <source>Source…</source>
        <translation>来源…</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>The chart could not be saved:</source>
        <translation>图表无法保存：</translation>
    </message>
</context>
<context>
    <name>ChartExport</name>
    <message>
        <source>Chart exported from ZoneApp</source>
        <translation>由园区指标看板导出的图表</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>系列</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>As shown</source>
        <translation>显示值</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>口径</translation>
    </message>
    <message>
        <source>Derived</source>
        <translation>推算</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>报道</translation>
    </message>
</context>
<context>
    <name>ChartToolbar</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <source>&amp;Undo corrections</source>
        <translation>撤销更正(&amp;U)</translation>
    </message>
    <message>
        <source>Header &amp;rows:</source>
        <translation>表头行(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Name column:</source>
        <translation>名称列(&amp;N)：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Right-click the sheet to correct a row or column there.</source>
        <translation>也可以在“原表”页右键单击某一行或某一列来更正。</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Value kind</source>
        <translation>数值类型</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>a measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>the names in English</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>each row&apos;s year</source>
        <translation>每行的年份</translation>
    </message>
    <message>
        <source>each row&apos;s unit</source>
        <translation>每行的单位</translation>
    </message>
    <message>
        <source>growth rate of %1</source>
        <translation>%1 的增速</translation>
    </message>
    <message>
        <source>Month: the month&apos;s figure; year to date: the year&apos;s so far; at the period&apos;s end: a balance on its last day.</source>
        <translation>本月：当月的数；累计：年初至今的数；期末：期末当天的余额或存量。</translation>
    </message>
    <message>
        <source>Each row of this table names its indicator.</source>
        <translation>这张表每一行是一个指标，指标名取自该行。</translation>
    </message>
    <message>
        <source>a growth rate</source>
        <translation>增速</translation>
    </message>
    <message>
        <source>This row is the header&apos;s first row</source>
        <translation>这一行是表头的第一行</translation>
    </message>
    <message>
        <source>This row is the header&apos;s last row</source>
        <translation>这一行是表头的最后一行</translation>
    </message>
    <message>
        <source>This column is the name column</source>
        <translation>这一列是名称列</translation>
    </message>
    <message>
        <source>Import this row</source>
        <translation>导入这一行</translation>
    </message>
    <message>
        <source>Do not import this row</source>
        <translation>不导入这一行</translation>
    </message>
    <message>
        <source>Import this column</source>
        <translation>导入这一列</translation>
    </message>
    <message>
        <source>Do not import this column</source>
        <translation>不导入这一列</translation>
    </message>
    <message>
        <source>This column holds the names in English</source>
        <translation>这一列是英文名称</translation>
    </message>
    <message>
        <source>This column holds each row&apos;s year</source>
        <translation>这一列是每行的年份</translation>
    </message>
    <message>
        <source>This column holds each row&apos;s unit</source>
        <translation>这一列是每行的单位</translation>
    </message>
    <message>
        <source>This column is the growth rate of %1</source>
        <translation>这一列是 %1 的增速</translation>
    </message>
    <message>
        <source>Value kind: %1</source>
        <translation>数值类型：%1</translation>
    </message>
    <message>
        <source>month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>year to date</source>
        <translation>累计</translation>
    </message>
    <message>
        <source>at the period&apos;s end</source>
        <translation>期末</translation>
    </message>
    <message>
        <source>none stated</source>
        <translation>不注明</translation>
    </message>
    <message>
        <source>Undo all corrections</source>
        <translation>撤销全部更正</translation>
    </message>
</context>
<context>
    <name>DropAndReload</name>
    <message>
        <source>Files changed on disk: reloading…</source>
        <translation>文件已在磁盘上更改，正在重新加载…</translation>
    </message>
    <message>
        <source>Reload failed, still showing the previous data: %1</source>
        <translation>重新加载失败，仍显示之前的数据：%1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Showing %1 of %2 rows</source>
        <translation>显示 %1 / 共 %2 行</translation>
    </message>
    <message>
        <source>All columns</source>
        <translation>所有列</translation>
    </message>
    <message>
        <source>%1: all</source>
        <translation>%1：全部</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>搜索…</translation>
    </message>
    <message>
        <source>Which column the search box looks in</source>
        <translation>搜索框在哪一列中查找</translation>
    </message>
</context>
<context>
    <name>FrameModel</name>
    <message>
        <source>Source: %1</source>
        <extracomment>Foreground of derived rows; the table panel sets it from the palette.</extracomment>
        <translation>原文：%1</translation>
    </message>
    <message>
        <source>Derived: %1</source>
        <translation>推算：%1</translation>
    </message>
</context>
<context>
    <name>GrowthColoursMenu</name>
    <message>
        <source>&amp;Growth colours</source>
        <translation>增长配色(&amp;G)</translation>
    </message>
    <message>
        <source>Follow the &amp;language (Chinese: rise in red; English: rise in green)</source>
        <translation>跟随界面语言(&amp;L)(中文：上涨为红；英文：上涨为绿)</translation>
    </message>
    <message>
        <source>&amp;Red for a rise ▲, green for a fall ▼</source>
        <translation>红涨绿跌(&amp;R)（▲红 ▼绿）</translation>
    </message>
    <message>
        <source>&amp;Green for a rise ▲, red for a fall ▼</source>
        <translation>绿涨红跌(&amp;G)（▲绿 ▼红）</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>No data loaded</source>
        <translation>未加载数据</translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation>时期：%1</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年份</translation>
    </message>
    <message>
        <source>Show year:</source>
        <translation>显示年份：</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import table: %1</source>
        <translation>导入统计表：%1</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>as in the table; or 2023, 2023Q1, 2023H1, 2023-05, 2023-01..2023-11</source>
        <translation>按表中所写；或填 2023、2023Q1、2023H1、2023-05、2023-01..2023-11</translation>
    </message>
    <message>
        <source>only where the table names none, e.g. 万元</source>
        <translation>仅在表中没写单位时填写，例如 万元</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Into data folder:</source>
        <translation>导入到数据文件夹：</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>工作表(&amp;S)：</translation>
    </message>
    <message>
        <source>T&amp;able:</source>
        <translation>表格(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
    <message>
        <source>T&amp;ab:</source>
        <translation>板块(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <source>Right-click a row or column to correct what was found.</source>
        <translation>右键单击某一行或某一列，可更正识别结果。</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>识别结果</translation>
    </message>
    <message>
        <source>Rows to add</source>
        <translation>将添加的行</translation>
    </message>
    <message>
        <source>The sheet</source>
        <translation>原表</translation>
    </message>
    <message>
        <source>Colu&amp;mns</source>
        <translation>各列(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reading the table…</source>
        <translation>正在分析表格…</translation>
    </message>
    <message>
        <source>Rows to add (%1)</source>
        <translation>将添加的行（%1）</translation>
    </message>
    <message>
        <source>Type it in the %1 box above.</source>
        <translation>请在上方的“%1”框中填写。</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>未写入任何文件。</translation>
    </message>
    <message>
        <source>All %1 tables</source>
        <translation>全部 %1 张表</translation>
    </message>
    <message>
        <source>Table %1</source>
        <translation>第 %1 张表</translation>
    </message>
    <message>
        <source>Import into data folder</source>
        <translation>导入到数据文件夹</translation>
    </message>
    <message>
        <source>The data folder changed since this preview was made; the preview is now up to date. Check it and import again.</source>
        <translation>生成预览后数据文件夹有了改动；预览已按现在的文件更新，请核对后再导入。</translation>
    </message>
    <message>
        <source>Nothing was imported:</source>
        <translation>未导入：</translation>
    </message>
    <message>
        <source>Statistics tables</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <source>Import table</source>
        <translation>导入统计表</translation>
    </message>
    <message>
        <source>Imported %1 rows from %2 into %3</source>
        <translation>已从 %2 导入 %1 行到 %3</translation>
    </message>
    <message>
        <source>A key is letters, digits and _, starting with a letter: %1</source>
        <translation>键只能由字母、数字和 _ 组成，并以字母开头：%1</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>title, unit line</source>
        <translation>标题、单位行</translation>
    </message>
    <message>
        <source>header rows</source>
        <translation>表头</translation>
    </message>
    <message>
        <source>name column</source>
        <translation>名称列</translation>
    </message>
    <message>
        <source>measures</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>growth rates</source>
        <translation>增速</translation>
    </message>
    <message>
        <source>each row&apos;s year or unit</source>
        <translation>每行的年份或单位</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>表注</translation>
    </message>
    <message>
        <source>Not imported: left out under Indicator rows (on the Columns page or in the recipe)</source>
        <translation>未导入：已在「各行指标」（各列页或配方）中设为不导入</translation>
    </message>
    <message>
        <source>Not imported: the row names nothing (such as a lone “of which:” line)</source>
        <translation>未导入：这一行没有名称（如单独一行的“其中：”）</translation>
    </message>
    <message>
        <source>Not imported: no figure in the columns imported</source>
        <translation>未导入：导入的列中没有数字</translation>
    </message>
    <message>
        <source>Not imported: a blank row</source>
        <translation>未导入：空行</translation>
    </message>
    <message>
        <source>Not imported as figures: a note, kept as the source&apos;s note</source>
        <translation>不作为数据导入：表注，存为来源说明</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Growth %</source>
        <translation>增速 %</translation>
    </message>
    <message>
        <source>Aggregate</source>
        <translation>合计行</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>板块</translation>
    </message>
</context>
<context>
    <name>KpiCard</name>
    <message>
        <source>Click for the source</source>
        <translation>点击查看来源</translation>
    </message>
    <message>
        <source>Derived</source>
        <translation>推算</translation>
    </message>
    <message>
        <source>Source…</source>
        <translation>来源…</translation>
    </message>
</context>
<context>
    <name>LoadStatus</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop loading and keep the data shown now</source>
        <translation>停止加载，保留当前显示的数据</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>No data folder</source>
        <translation>未打开数据文件夹</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open data folder…</source>
        <translation>打开数据文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import table…</source>
        <translation>导入统计表(&amp;I)…</translation>
    </message>
    <message>
        <source>Export &amp;table…</source>
        <translation>导出表格(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Export all tables…</source>
        <translation>导出全部表格(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Search in table</source>
        <translation>在表格中搜索(&amp;S)</translation>
    </message>
    <message>
        <source>Go to &amp;problems</source>
        <translation>转到问题列表(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About ZoneApp</source>
        <translation>关于园区指标看板(&amp;A)</translation>
    </message>
    <message>
        <source>This tab has no table to search.</source>
        <translation>此标签页没有可搜索的表格。</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <source>Cannot open data folder</source>
        <translation>无法打开数据文件夹</translation>
    </message>
    <message>
        <source>%1 cannot be opened:</source>
        <translation>无法打开 %1：</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>数据文件夹：%1</translation>
    </message>
    <message>
        <source>About ZoneApp</source>
        <translation>关于园区指标看板</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Export &amp;encoding</source>
        <translation>导出编码(&amp;E)</translation>
    </message>
    <message>
        <source>UTF-8 with BOM (Excel, WPS)</source>
        <translation>UTF-8 带 BOM(Excel、WPS)</translation>
    </message>
    <message>
        <source>GB18030 (older Excel)</source>
        <translation>GB18030(旧版 Excel)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>外观(&amp;A)</translation>
    </message>
    <message>
        <source>Follow &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Show the problems found in the data folder</source>
        <translation>显示数据文件夹中发现的问题</translation>
    </message>
    <message>
        <source>Problems: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <source>Row %1 of %2 is not shown: it was left out because of this problem.</source>
        <translation>%2 的第 %1 行未显示：因为这个问题，该行未被载入。</translation>
    </message>
    <message>
        <source>%1 is not shown in any table.</source>
        <translation>%1 没有在任何表格中显示。</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>%1 problem(s) found (%2 error(s)). Tables with errors show their good rows.</source>
        <translation>发现 %1 个问题(其中错误 %2 个)。有错误的表格仍显示其正确的行。</translation>
    </message>
</context>
<context>
    <name>RecentFolders</name>
    <message>
        <source>Recent &amp;folders</source>
        <translation>最近打开(&amp;F)</translation>
    </message>
    <message>
        <source>No recent folders</source>
        <translation>没有最近打开的文件夹</translation>
    </message>
    <message>
        <source>&amp;Clear list</source>
        <translation>清空列表(&amp;C)</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation>时期：%1</translation>
    </message>
    <message>
        <source>Sections: %1</source>
        <translation>板块：%1</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>资料来源</translation>
    </message>
    <message>
        <source>Exported on %1 from ZoneApp.</source>
        <translation>由园区指标看板于 %1 导出。</translation>
    </message>
    <message>
        <source>No rows for this period.</source>
        <translation>该年份没有数据行。</translation>
    </message>
    <message>
        <source>First %1 rows; export the table for all of them.</source>
        <translation>仅列出前 %1 行；完整数据请导出表格。</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>导出日期 %1</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>No data for this section.</source>
        <translation>本板块没有数据。</translation>
    </message>
</context>
<context>
    <name>RowsList</name>
    <message>
        <source>Indicator ro&amp;ws (each row of this table is an indicator):</source>
        <translation>各行指标(&amp;W)（这张表每行是一个指标）：</translation>
    </message>
    <message>
        <source>Import row</source>
        <translation>导入该行</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Unchecked: this row is not imported, now or next time.</source>
        <translation>不勾选：这一行不导入，下个月也不导入。</translation>
    </message>
</context>
<context>
    <name>SectionPage</name>
    <message>
        <source>No data for this section in this folder.</source>
        <translation>此数据文件夹中没有本板块的数据。</translation>
    </message>
    <message>
        <source>Source…</source>
        <translation>来源…</translation>
    </message>
</context>
<context>
    <name>Sharing</name>
    <message>
        <source>Export &amp;report (PDF)…</source>
        <translation>导出报告(PDF)(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Share card of this tab…</source>
        <translation>本页分享卡片(&amp;S)…</translation>
    </message>
    <message>
        <source>Copy s&amp;ummary of this tab</source>
        <translation>复制本页摘要(&amp;U)</translation>
    </message>
    <message>
        <source>Export all tables to folder</source>
        <translation>将全部表格导出到文件夹</translation>
    </message>
    <message>
        <source>This tab has no table to export.</source>
        <translation>此页没有可导出的表格。</translation>
    </message>
    <message>
        <source>Export all tables</source>
        <translation>导出全部表格</translation>
    </message>
    <message>
        <source>The tables could not be written:</source>
        <translation>表格无法写入：</translation>
    </message>
    <message>
        <source>No data folder is open.</source>
        <translation>尚未打开数据文件夹。</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>The report could not be written:</source>
        <translation>报告无法写入：</translation>
    </message>
    <message>
        <source>Share card</source>
        <translation>分享卡片</translation>
    </message>
    <message>
        <source>Share card copied to the clipboard</source>
        <translation>分享卡片已复制到剪贴板</translation>
    </message>
    <message>
        <source>The share card could not be saved:</source>
        <translation>分享卡片无法保存：</translation>
    </message>
    <message>
        <source>Copy summary</source>
        <translation>复制摘要</translation>
    </message>
    <message>
        <source>%1 sentence(s) copied</source>
        <translation>已复制 %1 句</translation>
    </message>
</context>
<context>
    <name>SourceDock</name>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Source panel</source>
        <translation>来源面板</translation>
    </message>
</context>
<context>
    <name>SourcePanel</name>
    <message>
        <source>Basis</source>
        <translation>口径</translation>
    </message>
    <message>
        <source>reported</source>
        <translation>报道</translation>
    </message>
    <message>
        <source>derived</source>
        <translation>推算</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文献</translation>
    </message>
    <message>
        <source>How it was computed</source>
        <translation>推算方法</translation>
    </message>
    <message>
        <source>From these figures</source>
        <translation>推算依据</translation>
    </message>
    <message>
        <source>Click a KPI card, or right-click a bar or a table cell, to see where a figure came from.</source>
        <translation>点击指标卡，或右键点击柱形、表格单元格，即可查看数字的出处。</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <source>The row quotes no sentence.</source>
        <translation>该行未引用原文。</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>刊物</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>TablePanel</name>
    <message>
        <source>CSV UTF-8, for Excel and WPS (*.csv)</source>
        <translation>CSV UTF-8，适用于 Excel 和 WPS (*.csv)</translation>
    </message>
    <message>
        <source>CSV GB18030, for old Excel (*.csv)</source>
        <translation>CSV GB18030，适用于旧版 Excel (*.csv)</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not write %1:
%2</source>
        <translation>无法写入 %1：
%2</translation>
    </message>
    <message>
        <source>%1 cells are too many to copy; use Export for large selections.</source>
        <translation>选中了 %1 个单元格，过多无法复制；大量数据请使用“导出”。</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the rows shown to CSV or Excel (Ctrl+E)</source>
        <translation>将当前显示的行导出为 CSV 或 Excel(Ctrl+E)</translation>
    </message>
    <message>
        <source>Export rows shown…</source>
        <translation>导出显示的行…</translation>
    </message>
    <message>
        <source>Export whole table…</source>
        <translation>导出整张表…</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>WriteFailure</name>
    <message>
        <source>If the file is open in Excel, WPS or another program, close it there and save again.</source>
        <translation>如果该文件正在 Excel、WPS 或其他程序中打开，请先在那里关闭它，再重新保存。</translation>
    </message>
    <message>
        <source>You may not have permission to write there; choose another folder.</source>
        <translation>可能没有写入该位置的权限，请另选文件夹。</translation>
    </message>
</context>
<context>
    <name>WrittenNotice</name>
    <message>
        <source>%1 file(s) written to %2</source>
        <translation>已写入 %1 个文件到 %2</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
    </message>
</context>
</TS>
