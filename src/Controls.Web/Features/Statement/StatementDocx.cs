using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Controls.Web.Features.Statement;

/// <summary>Writes a statement's paragraphs as a Word document (.docx) with the Open XML SDK: the same paragraphs as the HTML fragment.</summary>
public static class StatementDocx
{
    public static byte[] Write(StatementDocument document)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            var culture = document.Language == "en" ? "en-US" : "ja-JP";
            var body = new Body();
            foreach (var paragraph in document.Paragraphs)
            {
                body.Append(Paragraph(paragraph, culture));
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1701, Right = 1701U, Bottom = 1701, Left = 1701U, Header = 851U, Footer = 992U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(StatementParagraph paragraph, string culture)
    {
        var (bold, size, after) = paragraph.Kind switch
        {
            ParagraphKind.Title => (true, "32", "240"),
            ParagraphKind.Heading => (true, "24", "120"),
            _ => (false, "21", "120"),
        };
        var runProperties = new RunProperties();
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        runProperties.Append(new FontSize { Val = size });
        runProperties.Append(new Languages { Val = culture, EastAsia = "ja-JP" });
        return new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { After = after }),
            new Run(runProperties, new Text(paragraph.Text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>The paragraphs' texts as read back from a .docx (tests and checks).</summary>
    public static List<string> ReadParagraphs(Stream docx)
    {
        using var package = WordprocessingDocument.Open(docx, false);
        return package.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
    }
}
