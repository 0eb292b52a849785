namespace Controls.Web.Features.Catalog;

/// <summary>Reads a catalog file from disk; a missing, unreadable or oversized file is a problem like any other.</summary>
public static class CatalogFile
{
    public static CatalogParseResult Read(string path)
    {
        if (!File.Exists(path))
        {
            var message = Directory.Exists(path) ? "is a directory, not a catalog file" : "file not found";
            return Failed(path, CatalogProblemCode.FileNotFound, message);
        }

        try
        {
            var length = new FileInfo(path).Length;
            return length > CatalogParser.MaxBytes
                ? new CatalogParseResult(null, [CatalogParser.TooLarge(path, length)])
                : CatalogParser.Parse(path, File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(path, CatalogProblemCode.FileUnreadable, $"cannot read the file: {e.Message}");
        }
    }

    private static CatalogParseResult Failed(string path, string code, string message) =>
        new(null, [new CatalogProblem(path, 1, 1, code, message)]);
}
