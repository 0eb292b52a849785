using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.App;
using Controls.Web.Domain;
using Controls.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests;

/// <summary>Custom catalogs edited in the app; every save is a validated new version.</summary>
public class CatalogEditingTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    private async Task<string> ImportCustomAsync()
    {
        var key = "edit-" + Guid.NewGuid().ToString("N")[..8];
        var source = File.ReadAllText(RepositoryRoot.File("checklists", "appi-security-measures.yaml"))
            .Replace("id: appi-security-measures", "id: " + key, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), key + ".yaml");
        await File.WriteAllTextAsync(path, source);
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["catalog", "import", path], new StringReader(""), new StringWriter(), new StringWriter()));
        return key;
    }

    private Task<CatalogDocument> LatestAsync(string key) =>
        app.QueryAsync(async db => CatalogVersions.ToDocument((await CatalogVersions.LatestAsync(db, key))!));

    private Task<int> NumberAsync(string key) =>
        app.QueryAsync(db => db.CatalogVersions.Where(v => v.Catalog.Key == key).MaxAsync(v => v.Number));

    [Fact]
    public async Task A_compliance_officer_edits_a_check_item_and_a_new_version_is_saved()
    {
        var key = await ImportCustomAsync();
        var (client, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var response = await client.SubmitFormAsync($"/Catalog/EditItem?catalog={key}&measure=ORG-3&code=ORG-3.2", new()
        {
            ["Input.QuestionJa"] = "台帳は四半期ごとに見直していますか。",
        });
        Assert.Equal($"/Catalog/Edit?catalog={key}", response.RedirectPath());
        Assert.Equal(2, await NumberAsync(key));
        var item = (await LatestAsync(key)).Measures.Single(m => m.Id == "ORG-3").Items.Single(i => i.Id == "ORG-3.2");
        Assert.Equal("台帳は四半期ごとに見直していますか。", item.Question.Ja);
    }

    [Fact]
    public async Task Measures_and_items_are_reordered_retired_and_added()
    {
        var key = await ImportCustomAsync();
        var (client, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var edit = $"/Catalog/Edit?catalog={key}";

        await client.SubmitFormAsync(edit, new() { ["code"] = "RUL-1", ["by"] = "-1" }, "[data-testid='edit-RUL-1'] form[action*='MoveMeasure']");
        Assert.Equal(["RUL-1", "POL-1", "ORG-1"], (await LatestAsync(key)).Measures.Take(3).Select(m => m.Id));

        await client.SubmitFormAsync(edit, [], "[data-testid='edit-ORG-3'] li:first-child form[action*='RetireItem']");
        var org3 = (await LatestAsync(key)).Measures.Single(m => m.Id == "ORG-3");
        Assert.DoesNotContain(org3.Items, i => i.Id == "ORG-3.1");

        var added = await client.SubmitFormAsync($"/Catalog/EditItem?catalog={key}&measure=ORG-3", new()
        {
            ["Input.QuestionJa"] = "台帳の写しを保管していますか。",
            ["Input.QuestionEn"] = "Do you keep a copy of the ledger?",
            ["Input.GuidanceJa"] = "写しがあれば「はい」です。",
            ["Input.GuidanceEn"] = "Yes if a copy is kept.",
            ["Input.EvidenceJa"] = "写し",
            ["Input.EvidenceEn"] = "The copy",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var codes = (await LatestAsync(key)).Measures.Single(m => m.Id == "ORG-3").Items.Select(i => i.Id).ToList();
        Assert.Equal("ORG-3." + (org3.Items.Count + 2), codes[^1]);   // a fresh id: the retired ORG-3.1 is never reused
        Assert.Equal(4, await NumberAsync(key));
    }

    [Fact]
    public async Task A_new_measure_needs_valid_content_and_is_refused_with_the_reason_otherwise()
    {
        var key = await ImportCustomAsync();
        var (client, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var input = new Dictionary<string, object>
        {
            ["Input.Id"] = "BR-1",
            ["Input.Category"] = "physical",
            ["Input.Recurrence"] = "monthly",
            ["Input.TitleJa"] = "鍵の管理",
            ["Input.TitleEn"] = "Key control",
            ["Input.DescriptionJa"] = "鍵を管理します。",
            ["Input.DescriptionEn"] = "We control keys.",
            ["Input.Iso27001"] = "7.2, 9.9",
            ["Input.StatementJa"] = "鍵を管理しています。",
            ["Input.StatementEn"] = "We control keys.",
        };
        for (var i = 0; i < 3; i++)
        {
            foreach (var (field, value) in new[] { ("QuestionJa", "質問ですか。"), ("QuestionEn", "A question?"), ("GuidanceJa", "説明"), ("GuidanceEn", "Guidance"), ("EvidenceJa", "証跡"), ("EvidenceEn", "Evidence") })
            {
                input[$"Input.Items[{i}].{field}"] = value;
            }
        }

        var refused = await client.SubmitFormAsync($"/Catalog/EditMeasure?catalog={key}", input);
        Assert.Contains(await HttpForms.ErrorsAsync(refused), e => e.Contains("9.9", StringComparison.Ordinal));
        Assert.Equal(1, await NumberAsync(key));

        input["Input.Iso27001"] = "7.2";
        var saved = await client.SubmitFormAsync($"/Catalog/EditMeasure?catalog={key}", input);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var measure = (await LatestAsync(key)).Measures.Single(m => m.Id == "BR-1");
        Assert.Equal(["BR-1.1", "BR-1.2", "BR-1.3"], measure.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task An_edit_based_on_an_outdated_version_is_refused()
    {
        var key = await ImportCustomAsync();
        var (client, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var stale = await client.GetPageAsync($"/Catalog/EditItem?catalog={key}&measure=POL-1&code=POL-1.1");
        await client.SubmitFormAsync($"/Catalog/EditItem?catalog={key}&measure=POL-1&code=POL-1.1", new() { ["Input.QuestionJa"] = "先の編集ですか。" });

        var late = await client.SubmitFormAsync(stale, new() { ["Input.QuestionJa"] = "後の編集ですか。" });
        Assert.Contains("保存できませんでした。このページを開いた後に、ほかの人がこのチェックリストを変更しています。最新の内容を確認してから、もう一度操作してください。", await HttpForms.ErrorsAsync(late));
        Assert.Equal("先の編集ですか。", (await LatestAsync(key)).Measures[0].Items[0].Question.Ja);
    }

    [Fact]
    public async Task Built_in_catalogs_are_read_only_in_the_app()
    {
        var output = new StringWriter();
        await CommandLine.RunAsync(app.Services, ["catalog", "import", "--built-in", RepositoryRoot.File("checklists", "appi-security-measures.yaml")], new StringReader(""), output, new StringWriter());
        var (client, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Catalog/Edit?catalog=appi-security-measures")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Catalog/EditItem?catalog=appi-security-measures&measure=POL-1&code=POL-1.1")).StatusCode);
        var index = await client.GetPageAsync("/Catalog?catalog=appi-security-measures");
        Assert.Null(index.QuerySelector("[data-testid=edit-catalog]"));
    }
}
