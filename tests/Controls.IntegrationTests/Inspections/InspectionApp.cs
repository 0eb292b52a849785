using System.Net.Http.Headers;
using AngleSharp.Dom;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.App;
using Controls.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Inspections;

/// <summary>
/// The app with the built-in APPI catalog imported and evidence stored in a temporary directory.
/// Inspections are made directly in the database (generation is another feature's job).
/// </summary>
public class InspectionApp : ControlsApp
{
    public const string CatalogKey = "appi-security-measures";

    public string EvidenceDirectory { get; } = Path.Combine(Path.GetTempPath(), "controls-evidence-" + Guid.NewGuid().ToString("N")[..12]);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var error = new StringWriter();
        var code = await CommandLine.RunAsync(Services, ["catalog", "import", "--built-in", RepositoryRoot.File("checklists", "appi-security-measures.yaml")],
            new StringReader(""), new StringWriter(), error);
        Assert.True(code == 0, error.ToString());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Evidence:Directory", EvidenceDirectory);
    }

    /// <summary>The files in the evidence store (none if nothing was ever stored).</summary>
    public string[] StoredFiles() =>
        Directory.Exists(EvidenceDirectory) ? Directory.GetFiles(EvidenceDirectory, "*", SearchOption.AllDirectories) : [];

    /// <summary>A department with its head (signed in).</summary>
    public async Task<(Department Department, AppUser Head, HttpClient Client)> DepartmentWithHeadAsync()
    {
        var department = await CreateDepartmentAsync();
        var head = await CreateUserAsync([Roles.DepartmentHead], department.Id);
        return (department, head, await SignInAsync(head));
    }

    /// <summary>A not-started inspection of the department for 2026 Q1 (April–June), due in two weeks, on the measures given (all if none).</summary>
    public async Task<Inspection> CreateInspectionAsync(Guid departmentId, params string[] measureCodes)
    {
        await using var db = Db();
        var version = await db.CatalogVersions.Where(v => v.Catalog.Key == CatalogKey).OrderByDescending(v => v.Number).FirstAsync();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime);
        var inspection = new Inspection
        {
            Id = Guid.NewGuid(),
            CatalogVersionId = version.Id,
            MeasureCodes = [.. measureCodes],
            DepartmentId = departmentId,
            TargetKey = Inspection.DepartmentTarget(departmentId),
            PeriodStart = new DateOnly(2026, 4, 1),
            PeriodEnd = new DateOnly(2026, 6, 30),
            DueOn = today.AddDays(14),
            Status = InspectionStatus.NotStarted,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Inspections.Add(inspection);
        await db.SaveChangesAsync();
        return inspection;
    }

    /// <summary>The check items of an inspection: code → id.</summary>
    public Task<Dictionary<string, Guid>> ItemsAsync(Inspection inspection) =>
        QueryAsync(db => db.CheckItems
            .Where(c => c.Measure.CatalogVersionId == inspection.CatalogVersionId && (inspection.MeasureCodes.Count == 0 || inspection.MeasureCodes.Contains(c.Measure.Code)))
            .ToDictionaryAsync(c => c.Code, c => c.Id));

    public Task<Inspection> ReloadAsync(Guid id) => QueryAsync(db => db.Inspections.AsNoTracking().SingleAsync(i => i.Id == id));
}

/// <summary>The inspection form driven as a person would: one small form per item.</summary>
public static class InspectionForms
{
    public static string Url(Guid inspectionId) => $"/Inspections/Answer/{inspectionId}";

    public static async Task<HttpResponseMessage> AnswerAsync(this HttpClient client, Guid inspectionId, string code, string value, string comment = "")
    {
        var page = await client.GetPageAsync(Url(inspectionId));
        return await client.SubmitFormAsync(page, new() { ["value"] = value, ["comment"] = comment }, $"[data-testid='answer-form-{code}']");
    }

    public static async Task<HttpResponseMessage> PlanActionAsync(this HttpClient client, Guid inspectionId, string code, string action, Guid ownerId, DateOnly dueOn)
    {
        var page = await client.GetPageAsync(Url(inspectionId));
        return await client.SubmitFormAsync(page, new()
        {
            ["action"] = action,
            ["ownerId"] = ownerId.ToString(),
            ["dueOn"] = dueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, $"[data-testid='action-form-{code}']");
    }

    public static async Task<HttpResponseMessage> SubmitInspectionAsync(this HttpClient client, Guid inspectionId, bool signOff = true)
    {
        var page = await client.GetPageAsync(Url(inspectionId));
        return await client.SubmitFormAsync(page, signOff ? new() { ["signOff"] = "true" } : [], "[data-testid=submit-form]");
    }

    /// <summary>Posts to a handler of the page with the user's own antiforgery token (taken from the language switch every page has).</summary>
    public static async Task<HttpResponseMessage> PostHandlerAsync(this HttpClient client, string pageUrl, string handler, Dictionary<string, object> values)
    {
        var page = await client.GetPageAsync(pageUrl);
        return await client.SubmitFormAsync(page, values, "#language-switch", $"{pageUrl}?handler={handler}");
    }

    /// <summary>Uploads a file through the item's upload form (multipart, with the form's antiforgery token).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, Guid inspectionId, string code, string fileName, byte[] content, string contentType = "application/octet-stream")
    {
        var page = await client.GetPageAsync(Url(inspectionId));
        var form = page.QuerySelector($"[data-testid='upload-form-{code}']") ?? throw new InvalidOperationException($"No upload form for {code}");
        var body = new MultipartFormDataContent();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]"))
        {
            body.Add(new StringContent(input.GetAttribute("value") ?? ""), input.GetAttribute("name")!);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        body.Add(file, "file", fileName);
        return await client.PostAsync(form.GetAttribute("action"), body);
    }

    public static List<string> Texts(this IDocument page, string selector) =>
        page.QuerySelectorAll(selector).Select(e => e.TextContent.Trim()).ToList();
}
