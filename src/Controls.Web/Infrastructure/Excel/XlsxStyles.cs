namespace Controls.Web.Infrastructure.Excel;

/// <summary>The one fixed stylesheet every workbook carries, and the indexes of its cell formats.</summary>
internal static class XlsxStyles
{
    public const int Default = 0;
    public const int Header = 1;
    public const int Title = 2;
    public const int Date = 3;
    public const int DateTime = 4;
    public const int Percent = 5;

    /// <summary>
    /// xl/styles.xml. Element order is the schema's (numFmts, fonts, fills, borders, cellStyleXfs,
    /// cellXfs, cellStyles); fills 0 and 1 are the two Excel reserves. Custom number formats start
    /// at id 164. cellXfs are in the order of the constants above.
    /// </summary>
    public const string Xml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <numFmts count="3">
        <numFmt numFmtId="164" formatCode="yyyy/mm/dd"/>
        <numFmt numFmtId="165" formatCode="yyyy/mm/dd hh:mm"/>
        <numFmt numFmtId="166" formatCode="0.0%"/>
        </numFmts>
        <fonts count="3">
        <font><sz val="11"/><name val="Calibri"/><family val="2"/></font>
        <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>
        <font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font>
        </fonts>
        <fills count="3">
        <fill><patternFill patternType="none"/></fill>
        <fill><patternFill patternType="gray125"/></fill>
        <fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>
        </fills>
        <borders count="2">
        <border><left/><right/><top/><bottom/><diagonal/></border>
        <border><left/><right/><top/><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border>
        </borders>
        <cellStyleXfs count="1">
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>
        </cellStyleXfs>
        <cellXfs count="6">
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
        <xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/>
        <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
        <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
        <xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
        </cellXfs>
        <cellStyles count="1">
        <cellStyle name="Normal" xfId="0" builtinId="0"/>
        </cellStyles>
        </styleSheet>
        """;
}
