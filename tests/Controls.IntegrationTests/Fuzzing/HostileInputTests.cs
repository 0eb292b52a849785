using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Fuzzing;

/// <summary>Focused regressions for what the form fuzzer found: each would have caught its break alone.</summary>
public class HostileInputTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    [Fact]
    public async Task A_NUL_character_in_a_training_title_is_refused_with_a_message_naming_the_field_and_nothing_is_saved()
    {
        var (client, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var before = await app.QueryAsync(db => db.TrainingSessions.CountAsync());
        var response = await client.SubmitFormAsync("/Training", new() { ["Input.Title"] = "Intro\0duction", ["Input.HeldOn"] = "2026-04-01" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body[..Math.Min(3000, body.Length)]}");
    }
}
