using Controls.Web.Infrastructure.Excel;

namespace Controls.Tests.Excel;

public class XlsxFormatTests
{
    [Theory]
    [InlineData("個人データ取扱台帳", "個人データ取扱台帳")]
    [InlineData("a\u0000b\u0001c\u000Bd\u001Fe", "abcde")]
    [InlineData("tab\tline\nreturn\r", "tab\tline\nreturn\r")]
    [InlineData("bad\uFFFE\uFFFFend", "badend")]
    [InlineData("emoji 😀 kept", "emoji 😀 kept")]
    [InlineData("_x000D_ stays literal", "_x005F_x000D_ stays literal")]
    [InlineData("snake_x_case and _xZZZZ_", "snake_x_case and _xZZZZ_")]
    public void Cell_text_is_valid_XML_and_read_back_as_written(string text, string expected) =>
        Assert.Equal(expected, XlsxFormat.CellText(text));

    [Fact]
    public void Lone_surrogates_are_dropped()
    {
        // Built here: xunit's test-case serialisation would already replace them.
        var text = "lone " + '\uD83D' + " high and " + '\uDE00' + " low";
        Assert.Equal("lone  high and  low", XlsxFormat.CellText(text));
    }

    [Fact]
    public void Cell_text_is_cut_at_Excels_limit_without_splitting_a_surrogate_pair()
    {
        Assert.Equal(32_767, XlsxFormat.CellText(new string('あ', 40_000)).Length);
        var text = new string('a', 32_766) + "😀";
        Assert.Equal(new string('a', 32_766), XlsxFormat.CellText(text));
    }

    [Fact]
    public void Clean_text_is_not_copied()
    {
        var text = "営業部 / Sales";
        Assert.Same(text, XlsxFormat.CellText(text));
    }

    [Theory]
    [InlineData("Answers", "Answers")]
    [InlineData("a[b]:c*d?e/f\\g", "a_b__c_d_e_f_g")]
    [InlineData("'quoted'", "quoted")]
    [InlineData("   ", "Sheet")]
    [InlineData("history", "history_")]
    [InlineData("個人データ取扱台帳の点検結果と是正処置の一覧（二〇二六年度上期）", "個人データ取扱台帳の点検結果と是正処置の一覧（二〇二六年度上期")]
    public void Sheet_names_are_made_valid(string requested, string expected)
    {
        var name = XlsxFormat.SheetName(requested, []);
        Assert.Equal(expected, name);
        Assert.InRange(name.Length, 1, 31);
    }

    [Fact]
    public void Sheet_names_are_made_unique_ignoring_case()
    {
        Assert.Equal("answers (2)", XlsxFormat.SheetName("answers", ["Answers"]));
        Assert.Equal("Answers (3)", XlsxFormat.SheetName("Answers", ["Answers", "answers (2)"]));
        var longName = new string('x', 40);
        Assert.Equal(new string('x', 27) + " (2)", XlsxFormat.SheetName(longName, [new string('x', 31)]));
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    [InlineData(16_383, "XFD")]
    public void Column_names_are_letters(int index, string expected) =>
        Assert.Equal(expected, XlsxFormat.ColumnName(index));

    [Fact]
    public void Dates_become_Excel_serial_numbers()
    {
        Assert.True(XlsxFormat.TrySerial(new DateOnly(2026, 4, 14), out var date));
        Assert.Equal(46126, date);
        Assert.True(XlsxFormat.TrySerial(new DateOnly(1900, 3, 1), out var first));
        Assert.Equal(61, first);
        Assert.True(XlsxFormat.TrySerial(new DateTime(2026, 4, 14, 18, 0, 0), out var dateTime));
        Assert.Equal(46126.75, dateTime);
        Assert.False(XlsxFormat.TrySerial(new DateOnly(1900, 2, 28), out _));
    }
}
