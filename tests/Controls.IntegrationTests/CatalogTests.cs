using System.Net;
using System.Text;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.App;
using Controls.Web.Domain;
using Controls.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controls.IntegrationTests;

public class CatalogTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    private static readonly string Measures = RepositoryRoot.File("checklists", "appi-security-measures.yaml");
    private static readonly string Contractors = RepositoryRoot.File("checklists", "appi-contractor-supervision.yaml");

    private async Task<(int Exit, string Output, string Error)> CliAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CommandLine.RunAsync(app.Services, args, new StringReader(""), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task ImportBuiltInAsync()
    {
        var (exit, _, error) = await CliAsync("catalog", "import", "--built-in", Measures, Contractors);
        Assert.True(exit == 0, error);
    }

    /// <summary>A small custom catalog (a branch office's own checks) with a unique id.</summary>
    private static string CustomCatalog(string id, string question = "鍵の貸出簿を毎日確認していますか。", bool withSecondMeasure = true) => $$"""
        catalog:
          id: {{id}}
          version: "1"
          guideline: "社内規程 2026"
          target: departments
          title:
            ja: 大阪支店の点検
            en: Osaka branch checks
          description:
            ja: 大阪支店独自の点検項目です。
            en: Checks of our own for the Osaka branch.
        measures:
          - id: BR-1
            category: physical
            title:
              ja: 鍵の管理
              en: Key control
            description:
              ja: 書庫の鍵を管理します。
              en: We control the keys to the archive.
            recurrence: monthly
            iso27001: ["7.2"]
            statement:
              ja: 書庫の鍵を管理しています。
              en: We control the keys to our archive.
            items:
              - id: BR-1.1
                question:
                  ja: {{question}}
                  en: Do you check the key log every day?
                guidance:
                  ja: 記録があれば「はい」です。
                  en: Yes if the log is kept.
                evidence:
                  ja: 鍵の貸出簿
                  en: Key log
                small_business: true
              - id: BR-1.2
                question:
                  ja: 鍵の保管庫は施錠されていますか。
                  en: Is the key cabinet locked?
                guidance:
                  ja: 常時施錠なら「はい」です。
                  en: Yes if always locked.
                evidence:
                  ja: 現地確認
                  en: On-site check
                small_business: true
              - id: BR-1.3
                question:
                  ja: 合鍵の本数を把握していますか。
                  en: Do you know how many spare keys exist?
                guidance:
                  ja: 台帳で把握していれば「はい」です。
                  en: Yes if recorded.
                evidence:
                  ja: 鍵台帳
                  en: Key register
                small_business: false
        """ + (withSecondMeasure ? """

          - id: BR-2
            category: human
            title:
              ja: 支店の研修
              en: Branch training
            description:
              ja: 支店で研修を行います。
              en: The branch trains its staff.
            recurrence: annual
            iso27001: ["6.3"]
            statement:
              ja: 研修を行っています。
              en: We train our staff.
            items:
              - id: BR-2.1
                question:
                  ja: 全員が研修を受けましたか。
                  en: Has everyone been trained?
                guidance:
                  ja: 全員なら「はい」です。
                  en: Yes if everyone.
                evidence:
                  ja: 受講記録
                  en: Attendance
                small_business: true
              - id: BR-2.2
                question:
                  ja: 新任者は研修を受けましたか。
                  en: Have newcomers been trained?
                guidance:
                  ja: 全員なら「はい」です。
                  en: Yes if all of them.
                evidence:
                  ja: 受講記録
                  en: Attendance
                small_business: true
              - id: BR-2.3
                question:
                  ja: 理解度を確認しましたか。
                  en: Was understanding tested?
                guidance:
                  ja: テストがあれば「はい」です。
                  en: Yes if tested.
                evidence:
                  ja: テスト結果
                  en: Test results
                small_business: false
        """ : "");

    private string WriteTemp(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"catalog-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public async Task The_built_in_catalogs_import_once_and_an_unchanged_reimport_changes_nothing()
    {
        var (exit, output, _) = await CliAsync("catalog", "import", "--built-in", Measures, Contractors);
        if (!output.Contains("Unchanged", StringComparison.Ordinal))
        {
            Assert.Contains("Imported: appi-security-measures as version 1 (17 measures, 93 check items)", output);
            Assert.Contains("Imported: appi-contractor-supervision as version 1", output);
        }

        Assert.Equal(0, exit);
        var versions = await app.QueryAsync(db => db.CatalogVersions.CountAsync());
        var trail = await app.QueryAsync(db => db.AuditTrail.CountAsync());

        var again = await CliAsync("catalog", "import", "--built-in", Measures, Contractors);
        Assert.Equal(0, again.Exit);
        Assert.Contains("Unchanged: appi-security-measures (version 1)", again.Output);
        Assert.Equal(versions, await app.QueryAsync(db => db.CatalogVersions.CountAsync()));
        Assert.Equal(trail, await app.QueryAsync(db => db.AuditTrail.CountAsync()));

        string[] expected = ["POL-1", "RUL-1", "ORG-1", "ORG-2", "ORG-3", "ORG-4", "ORG-5", "HUM-1", "PHY-1", "PHY-2", "PHY-3", "PHY-4", "TEC-1", "TEC-2", "TEC-3", "TEC-4", "EXT-1"];
        var codes = await app.QueryAsync(db => db.Measures.Where(m => m.CatalogVersion.Catalog.Key == "appi-security-measures").OrderBy(m => m.SortOrder).Select(m => m.Code).ToListAsync());
        Assert.Equal(expected, codes);
    }

    [Fact]
    public async Task A_changed_file_becomes_a_new_version_and_records_made_from_the_old_one_keep_its_text()
    {
        var id = "branch-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(0, (await CliAsync("catalog", "import", WriteTemp(CustomCatalog(id)))).Exit);
        // A record pinned to version 1 (as an inspection will be) keeps pointing at its check item.
        var pinned = await app.QueryAsync(db => db.CheckItems.Where(i => i.Measure.CatalogVersion.Catalog.Key == id && i.Code == "BR-1.1").Select(i => i.Id).SingleAsync());

        var changed = await CliAsync("catalog", "import", WriteTemp(CustomCatalog(id, question: "鍵の貸出簿を毎週確認していますか。", withSecondMeasure: false)));
        Assert.Equal(0, changed.Exit);
        Assert.Contains($"Imported: {id} as version 2: measures +0 ~0 -1, check items +0 ~1 -3", changed.Output);

        var pinnedText = await app.QueryAsync(db => db.CheckItems.Where(i => i.Id == pinned).Select(i => new { i.QuestionJa, i.Measure.CatalogVersion.Number }).SingleAsync());
        Assert.Equal("鍵の貸出簿を毎日確認していますか。", pinnedText.QuestionJa);
        Assert.Equal(1, pinnedText.Number);

        var latest = await CatalogVersions.LatestAsync(app.Db(), id);
        Assert.Equal(2, latest!.Number);
        Assert.Equal(["BR-1"], latest.Measures.Select(m => m.Code));   // BR-2 is retired
        Assert.Equal("鍵の貸出簿を毎週確認していますか。", latest.Measures[0].Items[0].QuestionJa);

        // The measure page of version 2 says what changed; version 1's BR-2 page says it was retired.
        var (client, _) = await app.SignInAsNewAsync(Roles.DepartmentHead);
        var page = await client.GetPageAsync($"/Catalog/Measure/{latest.Measures[0].Id}");
        Assert.Contains("BR-1.1", page.QuerySelector("[data-testid=changes]")!.TextContent);
        var retired = await app.QueryAsync(db => db.Measures.Where(m => m.CatalogVersion.Catalog.Key == id && m.Code == "BR-2").Select(m => m.Id).SingleAsync());
        var old = await client.GetPageAsync($"/Catalog/Measure/{retired}");
        Assert.Contains("廃止", old.QuerySelector("[data-testid=older-version]")!.TextContent);
    }

    [Fact]
    public async Task One_broken_file_means_nothing_is_imported()
    {
        var id = "broken-" + Guid.NewGuid().ToString("N")[..8];
        var good = WriteTemp(CustomCatalog(id));
        var broken = WriteTemp(CustomCatalog(id + "-x").Replace("recurrence: monthly", "recurrence: weekly", StringComparison.Ordinal));
        var before = await app.QueryAsync(db => db.Catalogs.CountAsync());

        var (exit, _, error) = await CliAsync("catalog", "import", good, broken);
        Assert.Equal(1, exit);
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(broken)}:\d+:\d+: .*weekly", error);
        Assert.Contains("Nothing was imported.", error);
        Assert.Equal(before, await app.QueryAsync(db => db.Catalogs.CountAsync()));
    }

    [Fact]
    public async Task A_compliance_officer_uploads_a_custom_catalog_sees_the_preview_and_imports_it()
    {
        var (client, officer) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var id = "upload-" + Guid.NewGuid().ToString("N")[..8];

        var broken = await UploadAsync(client, CustomCatalog(id).Replace("ja: 鍵の管理", "ja: \"\"", StringComparison.Ordinal));
        var problems = (await HttpForms.ParseAsync(broken)).QuerySelector("[data-testid=problems]")!.TextContent;
        Assert.Matches(@"branch-checks.yaml \d+行 \d+列: ", problems);
        Assert.Contains("文言が空です。", problems);
        Assert.False(await app.QueryAsync(db => db.Catalogs.AnyAsync(c => c.Key == id)));

        // A Japanese reader is told in Japanese, naming the value the file holds.
        var weekly = await UploadAsync(client, CustomCatalog(id).Replace("recurrence: monthly", "recurrence: weekly", StringComparison.Ordinal));
        Assert.Contains("「weekly」:頻度(recurrence)の値が正しくありません。", (await HttpForms.ParseAsync(weekly)).QuerySelector("[data-testid=problems]")!.TextContent);

        var preview = await HttpForms.ParseAsync(await UploadAsync(client, CustomCatalog(id)));
        Assert.Contains("安全管理措置 2 件、点検項目 6 件", preview.QuerySelector("[data-testid=preview-outcome]")!.TextContent);
        Assert.False(await app.QueryAsync(db => db.Catalogs.AnyAsync(c => c.Key == id)));   // not before confirming

        var imported = await client.SubmitFormAsync(preview, [], "#import-form");
        Assert.Equal($"/Catalog?catalog={id}", imported.RedirectPath());
        var version = await app.QueryAsync(db => db.CatalogVersions.Include(v => v.Catalog).SingleAsync(v => v.Catalog.Key == id));
        Assert.False(version.Catalog.IsBuiltIn);
        Assert.Equal(officer.Email, version.ImportedBy);

        // Uploading a changed copy previews what will change.
        var changedPreview = await HttpForms.ParseAsync(await UploadAsync(client, CustomCatalog(id, withSecondMeasure: false)));
        Assert.Contains("BR-2", changedPreview.QuerySelector("[data-testid=preview-changes]")!.TextContent);
    }

    [Fact]
    public async Task Built_in_catalogs_cannot_be_changed_through_the_upload_page()
    {
        await ImportBuiltInAsync();
        var (client, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var content = File.ReadAllText(Measures).Replace("version: \"2026.1\"", "version: \"2026.9\"", StringComparison.Ordinal);
        var preview = await HttpForms.ParseAsync(await UploadAsync(client, content));
        var response = await client.SubmitFormAsync(preview, [], "#import-form");
        var page = await HttpForms.ParseAsync(response);
        Assert.Contains("組み込みのチェックリストと同じ ID です", page.QuerySelector("[data-testid=problems]")!.TextContent);
        Assert.Equal(1, await app.QueryAsync(db => db.CatalogVersions.CountAsync(v => v.Catalog.Key == "appi-security-measures")));
    }

    [Fact]
    public async Task An_oversized_or_empty_upload_is_explained()
    {
        var (client, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var big = await UploadAsync(client, "# " + new string('x', 1024 * 1024 + 10));
        Assert.Contains("ファイルが大きすぎます(1024 KB まで)。", await HttpForms.ErrorsAsync(big));
        var empty = await UploadAsync(client, "");
        Assert.Contains("YAML ファイルを選んでください。", await HttpForms.ErrorsAsync(empty));
    }

    [Fact]
    public async Task A_downloaded_version_validates_and_reimports_unchanged()
    {
        await ImportBuiltInAsync();
        var (client, _) = await app.SignInAsNewAsync(Roles.Auditor);
        var index = await client.GetPageAsync("/Catalog");
        var link = index.QuerySelector("[data-testid=catalog-version] a[href*='format=yaml']")!.GetAttribute("href")!;
        var download = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("appi-security-measures-v1.yaml", download.Content.Headers.ContentDisposition!.FileNameStar);
        var bytes = await download.Content.ReadAsByteArrayAsync();

        var parsed = CatalogParser.Parse("downloaded.yaml", bytes);
        Assert.Empty(parsed.Problems);
        var original = CatalogFile.Read(Measures).Document!;
        Assert.Equal(CatalogYamlWriter.Write(original), CatalogYamlWriter.Write(parsed.Document!));

        using var scope = app.Services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<ImportCatalogs>();
        var result = await import.ImportAsync([("downloaded.yaml", parsed)], builtIn: true);
        Assert.Equal(ImportCatalogs.Outcome.Unchanged, Assert.Single(result.Catalogs).Outcome);
    }

    [Fact]
    public async Task A_version_downloads_as_an_Excel_workbook_with_one_row_per_check_item_in_both_languages()
    {
        await ImportBuiltInAsync();
        var (client, _) = await app.SignInAsNewAsync(Roles.Management);
        var index = await client.GetPageAsync("/Catalog");
        var link = index.QuerySelector("[data-testid=catalog-version] a[href*='format=xlsx']")!.GetAttribute("href")!;
        var response = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("appi-security-measures-v1.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);

        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var reader = ExcelDataReader.ExcelReaderFactory.CreateReader(stream);
        Assert.Equal("点検項目", reader.Name);
        var all = new List<object?[]>();
        while (reader.Read())
        {
            var cells = new object?[reader.FieldCount];
            for (var c = 0; c < cells.Length; c++)
            {
                cells[c] = reader.GetValue(c);
            }

            all.Add(cells);
        }

        var header = all.FindIndex(r => Equals(r[1], "措置ID"));
        Assert.Equal("質問(英語)", all[header][6]);
        var rows = all.Skip(header + 1).ToList();
        Assert.Equal(93, rows.Count);
        var org31 = rows.Single(r => Equals(r[4], "ORG-3.1"));
        Assert.Equal("ORG-3", org31[1]);
        Assert.False(string.IsNullOrEmpty(org31[5] as string));
        Assert.False(string.IsNullOrEmpty(org31[6] as string));
        Assert.IsType<bool>(org31[11]);
    }

    [Fact]
    public async Task An_unknown_version_or_format_is_a_404()
    {
        var (client, _) = await app.SignInAsNewAsync(Roles.Auditor);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Catalog/Download?versionId={Guid.NewGuid()}&format=yaml")).StatusCode);
        await ImportBuiltInAsync();
        var version = await app.QueryAsync(db => db.CatalogVersions.Select(v => v.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Catalog/Download?versionId={version}&format=pdf")).StatusCode);
    }

    [Fact]
    public async Task Everyone_signed_in_browses_and_searches_the_catalog_in_their_language()
    {
        await ImportBuiltInAsync();
        var department = await app.CreateDepartmentAsync();
        var head = await app.CreateUserAsync([Roles.DepartmentHead], department.Id);
        var client = await app.SignInAsync(head);

        var search = await client.GetPageAsync("/Catalog?q=" + Uri.EscapeDataString("台帳"));
        Assert.Contains("ORG-3", search.Body!.TextContent);
        Assert.DoesNotContain("TEC-3", search.Body!.TextContent);

        var physical = await client.GetPageAsync("/Catalog?category=physical");
        Assert.NotNull(physical.QuerySelector("[data-testid=measures-physical]"));
        Assert.Null(physical.QuerySelector("[data-testid=measures-technical]"));

        var org3 = await app.QueryAsync(db => db.Measures.Where(m => m.Code == "ORG-3" && m.CatalogVersion.Catalog.Key == "appi-security-measures").Select(m => m.Id).FirstAsync());
        var measure = await client.GetPageAsync($"/Catalog/Measure/{org3}");
        Assert.Contains("5.9", measure.QuerySelector("[data-testid=iso-mapping]")!.TextContent);
        Assert.Contains("ORG-3.1", measure.QuerySelector("[data-testid=check-items]")!.TextContent);

        var mapping = await client.GetPageAsync("/Catalog/Mapping");
        var row = mapping.QuerySelectorAll("[data-testid=iso-to-measures] tr").First(r => r.TextContent.Contains("5.9 情報及びその他の関連資産の目録", StringComparison.Ordinal));
        Assert.Contains("ORG-3", row.TextContent);
    }

    [Fact]
    public async Task Other_roles_cannot_upload()
    {
        var (client, _) = await app.SignInAsNewAsync(Roles.DepartmentHead, Roles.Auditor, Roles.Management);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Catalog/Upload")).StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string content)
    {
        var page = await client.GetPageAsync("/Catalog/Upload");
        var token = page.QuerySelector("#upload-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "file", "branch-checks.yaml" },
        };
        return await client.PostAsync("/Catalog/Upload?handler=Check", form);
    }
}
