using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Fuzzing;

/// <summary>Focused regressions for what the form fuzzer found: each would have caught its break alone.</summary>
public class HostileInputTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    [Theory]
    [InlineData("ja", "Input.Title", "研修名に使用できない文字（制御文字）が含まれています。")]
    [InlineData("en", "Input.Title", "Title contains a character that cannot be used (a control character).")]
    [InlineData("ja", "Input.Material", "教材に使用できない文字（制御文字）が含まれています。")]
    public async Task A_NUL_character_in_a_field_is_refused_with_a_message_naming_the_field_and_nothing_is_saved(string language, string field, string message)
    {
        var officer = await app.SignInAsync(await app.CreateUserAsync([Roles.ComplianceOfficer], (await app.CreateDepartmentAsync()).Id, language: language));
        var title = "NUL " + Guid.NewGuid().ToString("N")[..8];
        var before = await app.QueryAsync(db => db.TrainingSessions.CountAsync());
        var values = new Dictionary<string, object> { ["Input.Title"] = title, ["Input.HeldOn"] = "2026-04-01", ["Input.Material"] = "slides" };
        values[field] = values[field] + "\0after";
        var response = await officer.SubmitFormAsync("/Training", values);

        Assert.Contains(await HttpForms.ErrorsAsync(response), e => e.StartsWith(message, StringComparison.Ordinal));
        Assert.Equal(before, await app.QueryAsync(db => db.TrainingSessions.CountAsync()));
        // The rest of what was typed is shown again.
        var page = await HttpForms.ParseAsync(response);
        Assert.StartsWith("NUL ", page.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Other_control_characters_are_refused_too_but_tab_and_new_lines_are_text()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var refused = await officer.SubmitFormAsync("/Training", new() { ["Input.Title"] = "bell\u0007", ["Input.HeldOn"] = "2026-04-01" });
        Assert.Contains(await HttpForms.ErrorsAsync(refused), e => e.StartsWith("研修名に使用できない文字", StringComparison.Ordinal));

        var title = "Tab\tand\r\nlines " + Guid.NewGuid().ToString("N")[..8];
        var saved = await officer.SubmitFormAsync("/Training", new() { ["Input.Title"] = title, ["Input.HeldOn"] = "2026-04-01", ["Input.Material"] = "a\r\nb" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Fact]
    public async Task A_NUL_character_in_a_query_string_answers_400_with_a_message()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var response = await officer.GetAsync("/Contractors?q=a%00b");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HttpForms.ParseAsync(response);
        Assert.True(page.QuerySelector("[data-testid=status-title]") is not null, page.Body?.TextContent);
        Assert.Equal("リクエストの内容が正しくありません", page.QuerySelector("[data-testid=status-title]")!.TextContent);
    }

    [Theory]
    [InlineData("ja", "maybe", "要配慮個人情報を取り扱うに入力された値は正しくありません。")]
    [InlineData("en", "maybe", "The value entered for Handles special-care personal information is not valid.")]
    [InlineData("ja", "", "要配慮個人情報を取り扱うに値を入力してください。")]
    [InlineData("en", "", "Enter a value for Handles special-care personal information.")]
    public async Task A_checkbox_given_something_other_than_true_or_false_is_refused_naming_the_field(string language, string value, string message)
    {
        var department = await app.CreateDepartmentAsync();
        var officer = await app.SignInAsync(await app.CreateUserAsync([Roles.ComplianceOfficer], department.Id, language: language));
        var name = "Checkbox " + Guid.NewGuid().ToString("N")[..8];
        var response = await officer.SubmitFormAsync("/Contractors/Create", new()
        {
            ["Input.Name"] = name,
            ["Input.OwningDepartmentId"] = department.Id.ToString(),
            ["Input.HandlesSpecialCareData"] = value,
        });

        Assert.Contains(message, await HttpForms.ErrorsAsync(response));
        Assert.False(await app.QueryAsync(db => db.Contractors.AnyAsync(c => c.Name == name)));
    }
}
