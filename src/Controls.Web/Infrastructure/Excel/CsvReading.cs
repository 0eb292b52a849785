namespace Controls.Web.Infrastructure.Excel;

/// <summary>Reading the CSV files people upload (UTF-8, with or without BOM): lines and their cells.</summary>
public static class CsvReading
{
    /// <summary>The text's lines (1-based numbers) split into trimmed cells.</summary>
    public static List<(int Number, List<string> Cells)> Lines(string text) =>
        text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n').Select((line, i) => (i + 1, Split(line))).ToList();

    /// <summary>Comma-separated cells; a cell may be quoted ("a, b"), with "" for a quote.</summary>
    public static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString().Trim());
        return cells;
    }
}
