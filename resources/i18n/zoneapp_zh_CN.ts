<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BarChart</name>
    <message>
        <source>Reported</source>
        <translation>报道值</translation>
    </message>
    <message>
        <source>Derived</source>
        <translation>推算</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>暂无数据</translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <source>Year on year: %1</source>
        <translation>同比:%1</translation>
    </message>
    <message>
        <source>Derived</source>
        <translation>推算</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>原文:%1</translation>
    </message>
    <message>
        <source>Amounts</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Projects and items</source>
        <translation>项目与事项</translation>
    </message>
    <message>
        <source>Land</source>
        <translation>土地</translation>
    </message>
    <message>
        <source>Floor space</source>
        <translation>面积</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数量</translation>
    </message>
</context>
<context>
    <name>FrameModel</name>
    <message>
        <source>Source: %1</source>
        <extracomment>Foreground of derived rows; the table panel sets it from the palette.</extracomment>
        <translation>原文:%1</translation>
    </message>
    <message>
        <source>Derived: %1</source>
        <translation>推算:%1</translation>
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
        <translation>时期:%1</translation>
    </message>
</context>
<context>
    <name>InnovationTab</name>
    <message>
        <source>High-tech enterprises: applied → approved → total</source>
        <translation>高新技术企业:申报 → 获批 → 总数</translation>
    </message>
    <message>
        <source>%1 item(s)</source>
        <translation>%1项</translation>
    </message>
    <message>
        <source>Enterprises and platforms by status</source>
        <translation>企业与平台认定进展</translation>
    </message>
    <message>
        <source>items</source>
        <translation>项</translation>
    </message>
</context>
<context>
    <name>KpiCard</name>
    <message>
        <source>YoY</source>
        <translation>同比</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>原文:%1</translation>
    </message>
    <message>
        <source>Derived: %1</source>
        <translation>推算:%1</translation>
    </message>
    <message>
        <source>Derived</source>
        <translation>推算</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>No data folder</source>
        <translation>未打开数据文件夹</translation>
    </message>
    <message>
        <source>Problems: %1</source>
        <translation>问题:%1</translation>
    </message>
    <message>
        <source>Show the problems found in the data folder</source>
        <translation>显示数据文件夹中发现的问题</translation>
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
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About ZoneApp</source>
        <translation>关于园区指标看板(&amp;A)</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <source>Export all tables to folder</source>
        <translation>将全部表格导出到文件夹</translation>
    </message>
    <message>
        <source>Cannot open data folder</source>
        <translation>无法打开数据文件夹</translation>
    </message>
    <message>
        <source>%1 cannot be opened:</source>
        <translation>无法打开 %1:</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>数据文件夹:%1</translation>
    </message>
    <message>
        <source>Export all tables</source>
        <translation>导出全部表格</translation>
    </message>
    <message>
        <source>No data folder is open.</source>
        <translation>尚未打开数据文件夹。</translation>
    </message>
    <message>
        <source>The tables could not be written:</source>
        <translation>表格无法写入:</translation>
    </message>
    <message>
        <source>%1 table(s) written to %2</source>
        <translation>已将 %1 张表格写入 %2</translation>
    </message>
    <message>
        <source>ZoneApp Indicator Dashboard</source>
        <translation>园区指标看板</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Data: %1 (%2), folder %3</source>
        <translation>数据:%1(%2),文件夹 %3</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>Chinese text is set in Noto Sans CJK SC (SIL Open Font License) where the system has no Chinese font.</source>
        <translation>系统未安装中文字体时,中文使用随附的思源黑体 Noto Sans CJK SC(SIL 开放字体许可)显示。</translation>
    </message>
    <message>
        <source>About ZoneApp</source>
        <translation>关于园区指标看板</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>%1 by year</source>
        <translation>%1(按年份)</translation>
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
    <name>ProjectsTab</name>
    <message>
        <source>Progress: %1</source>
        <translation>进展:%1</translation>
    </message>
    <message>
        <source>Total investment per project</source>
        <translation>各项目总投资</translation>
    </message>
    <message>
        <source>%1 project(s)</source>
        <translation>%1个项目</translation>
    </message>
    <message>
        <source>Named projects by stage</source>
        <translation>重点项目进度阶段</translation>
    </message>
    <message>
        <source>projects</source>
        <translation>个</translation>
    </message>
</context>
<context>
    <name>TabPage</name>
    <message>
        <source>No data for this section in this folder.</source>
        <translation>此数据文件夹中没有本板块的数据。</translation>
    </message>
    <message>
        <source>Figures and sources</source>
        <translation>指标与出处</translation>
    </message>
    <message>
        <source>%1: breakdown</source>
        <translation>%1构成</translation>
    </message>
</context>
<context>
    <name>TablePanel</name>
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
        <translation>无法写入 %1:
%2</translation>
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
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>%1 / %2 rows</source>
        <translation>%1 / %2 行</translation>
    </message>
</context>
</TS>
