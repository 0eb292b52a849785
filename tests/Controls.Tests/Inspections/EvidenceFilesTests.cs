using System.Text;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Files;

namespace Controls.Tests.Inspections;

public class EvidenceFilesTests
{
    [Theory]
    [InlineData("report.pdf", "report.pdf")]
    [InlineData("C:\\Users\\me\\report.pdf", "report.pdf")]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("点検記録 2026年度.xlsx", "点検記録 2026年度.xlsx")]
    [InlineData("a\u0000b\u0007c\r\n.csv", "abc.csv")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("what?<is>:this|\"*.txt", "whatisthis.txt")]
    [InlineData("  ..hidden.pdf. ", "hidden.pdf")]
    [InlineData("..", "")]
    [InlineData(null, "")]
    public void Display_names_keep_only_the_files_own_safe_name(string? name, string expected)
    {
        Assert.Equal(expected, EvidenceFiles.SafeName(name));
    }

    [Fact]
    public void Long_names_are_cut_to_255_characters_keeping_the_extension_and_whole_characters()
    {
        var name = new string('あ', 300) + ".docx";
        var safe = EvidenceFiles.SafeName(name);
        Assert.Equal(255, safe.Length);
        Assert.EndsWith(".docx", safe);

        var emoji = string.Concat(Enumerable.Repeat("😀", 200)) + ".pdf";
        var cut = EvidenceFiles.SafeName(emoji);
        Assert.True(cut.Length <= 255);
        Assert.False(char.IsHighSurrogate(cut[^5]));
        Assert.EndsWith(".pdf", cut);
    }

    [Theory]
    [InlineData("a.PDF", "application/pdf")]
    [InlineData("a.jpeg", "image/jpeg")]
    [InlineData("a.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("a.csv", "text/csv")]
    [InlineData("a.exe", null)]
    [InlineData("a.html", null)]
    [InlineData("a.svg", null)]
    [InlineData("a.js", null)]
    [InlineData("a.pdf.exe", null)]
    [InlineData("pdf", null)]
    public void Only_the_listed_types_are_allowed(string name, string? contentType)
    {
        Assert.Equal(contentType, EvidenceFiles.TypeOf(name)?.ContentType);
    }

    public static TheoryData<string, byte[], bool> Contents => new()
    {
        { "pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n"), true },
        { "pdf", Encoding.ASCII.GetBytes("<html>%PDF-1.7"), false },
        { "png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0], true },
        { "jpg", [0xFF, 0xD8, 0xFF, 0xE0], true },
        { "gif", Encoding.ASCII.GetBytes("GIF89a.."), true },
        { "xlsx", [0x50, 0x4B, 0x03, 0x04, 0x14], true },
        { "docx", Encoding.ASCII.GetBytes("<!DOCTYPE html>"), false },
        { "xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], true },
        { "doc", [0x50, 0x4B, 0x03, 0x04], false },
        { "zip", [0x50, 0x4B, 0x05, 0x06], true },
        { "zip", [0x4D, 0x5A, 0x50, 0x4B], false },
        { "csv", Encoding.UTF8.GetBytes("部門,回答\n営業部,はい\n"), true },
        { "csv", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("a,b\n")], true },
        { "txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("メモ")], true },
        { "txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("<script>alert(1)</script>")], false },
        { "txt", Encoding.ASCII.GetBytes("\r\n <SVG onload=alert(1)>"), false },
        { "txt", [0x41, 0x00, 0x42], false },
        { "txt", Encoding.ASCII.GetBytes("#!/bin/sh\nrm -rf /"), false },
        { "txt", [0x4D, 0x5A, 0x90, 0x00], false },
    };

    [Theory]
    [MemberData(nameof(Contents))]
    public void The_content_must_look_like_its_type(string extension, byte[] head, bool matches)
    {
        Assert.Equal(matches, EvidenceFiles.ContentMatches(EvidenceFiles.Allowed[extension], head));
    }
}
