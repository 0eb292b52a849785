using Microsoft.Extensions.Localization;

namespace Controls.Web.Infrastructure.Excel;

/// <summary>What an import tells the user when the workbook itself cannot be read.</summary>
public static class ImportProblems
{
    public static string Message(IStringLocalizer l, XlsxReading.Problem problem) => problem switch
    {
        XlsxReading.Problem.TooLarge => l["Import.Unpacked", XlsxReading.MaxTotalBytes / 1024 / 1024],
        _ => l["Ledger.Import.NotExcel"],
    };
}
