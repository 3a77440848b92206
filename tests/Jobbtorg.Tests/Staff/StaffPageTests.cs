using System.Net;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Features.Staff;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using static Jobbtorg.Tests.Staff.StaffKit;

namespace Jobbtorg.Tests.Staff;

/// <summary>Staff administration as an administrator does it, through the pages, and what the user then notices.</summary>
[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class StaffPageTests(JobbtorgAppFactory app)
{
    private const string NewPassword = "vårt kök har blå skåp";

    private Task<List<StaffChange>> ChangesOfAsync(string userId) =>
        app.WithDbAsync(db => db.Set<StaffChange>().Where(c => c.UserId == userId).OrderBy(c => c.Id).ToListAsync());

    private Task<AppUser> UserAsync(string id) => app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));

    private async Task<string> PageTextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task An_administrator_creates_a_coach_who_must_choose_a_password_before_doing_anything_else()
    {
        var adminUser = await app.CreateUserAsync(Roles.Administrator, name: "Admin Adminsson");
        var admin = await app.SignInAsync(adminUser);
        var email = $"ny.coach.{Guid.NewGuid():N}"[..20] + "@stad.se";
        var created = await admin.SubmitFormAsync("/Staff/New", new()
        {
            ["Email"] = email, ["DisplayName"] = "Nora Nykvist", ["Input.Role"] = Roles.Coach,
            ["Input.JobCentreId"] = (await CentreIdAsync(app, "farsta")).ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var oneTime = OneTimePasswordOn(await created.Content.ReadAsStringAsync());

        var user = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.True(user.MustChangePassword);
        Assert.Equal(await CentreIdAsync(app, "farsta"), user.JobCentreId);
        var change = Assert.Single(await ChangesOfAsync(user.Id));
        Assert.Equal((StaffChangeKind.Created, Roles.Coach, "Jobbtorg Farsta", adminUser.Id), (change.Kind, change.Role, change.Binding, change.ById));

        // Signed in with the one-time password, every page leads to the password page and the API refuses.
        var (coach, signIn) = await SignInAsync(app, email, oneTime);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/Account/Password", await LandsOnAsync(coach, "/"));
        Assert.Equal("/Account/Password", await LandsOnAsync(coach, "/Cases"));
        Assert.Equal("403", await LandsOnAsync(coach, "/api/cases"));
        Assert.Contains("engångslösenord", await coach.GetStringAsync("/Account/Password"));

        async Task<string> TryAsync(string current, string next, string repeat)
        {
            var response = await coach.SubmitFormAsync("/Account/Password", new()
            {
                ["Input.CurrentPassword"] = current, ["Input.NewPassword"] = next, ["Input.RepeatPassword"] = repeat,
            });
            return response.StatusCode == HttpStatusCode.Redirect ? "saved" : await PageTextAsync(response);
        }
        Assert.Contains("måste vara minst 12 tecken", await TryAsync(oneTime, "kort lösen", "kort lösen"));
        Assert.Contains("de vanligaste lösenorden", await TryAsync(oneTime, "Password1234", "Password1234"));
        Assert.Contains("kontots e-postadress", await TryAsync(oneTime, email + "-hemlis", email + "-hemlis"));
        Assert.Contains("kontots namn", await TryAsync(oneTime, "Nykvist är bäst", "Nykvist är bäst"));
        Assert.Contains("inte likadana", await TryAsync(oneTime, NewPassword, NewPassword + "!"));
        Assert.Contains("nuvarande lösenordet är fel", await TryAsync("fel-engångslösen", NewPassword, NewPassword));
        Assert.True((await UserAsync(user.Id)).MustChangePassword);

        Assert.Equal("saved", await TryAsync(oneTime, NewPassword, NewPassword));
        Assert.Equal("/", await LandsOnAsync(coach, "/"));
        Assert.False((await UserAsync(user.Id)).MustChangePassword);
        Assert.Equal(StaffChangeKind.PasswordChanged, (await ChangesOfAsync(user.Id)).Last().Kind);

        // The one-time password is spent; the new one signs in straight to the start page.
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app, email, oneTime)).Response.StatusCode);
        var (again, _) = await SignInAsync(app, email, NewPassword);
        Assert.Equal("/", await LandsOnAsync(again, "/"));
    }

    [Fact]
    public async Task The_staff_list_shows_role_workplace_status_and_last_sign_in()
    {
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var worker = await app.CreateUserAsync(Roles.CaseWorker, district: "rinkeby-kista", name: "Karin Listberg");
        var html = await admin.GetStringAsync($"/Staff?q={Uri.EscapeDataString(worker.Email!)}");
        Assert.Contains("Karin Listberg", html);
        Assert.Contains("Handläggare", html);
        Assert.Contains("Rinkeby-Kista", html);
        Assert.Contains("Aldrig", html); // never signed in

        await app.SignInAsync(worker);
        html = await admin.GetStringAsync($"/Staff?q={Uri.EscapeDataString(worker.Email!)}");
        Assert.Contains("2026-03-10 10:00", html); // the test clock, in Stockholm time
        Assert.Contains("Aktiv", html);
        Assert.Equal(app.Clock.GetUtcNow(), (await UserAsync(worker.Id)).LastSignInAt);
    }

    [Fact]
    public async Task Changing_a_users_workplace_ends_their_sessions_and_is_shown_in_the_log()
    {
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var matcher = await app.CreateUserAsync(Roles.Matcher, centre: "farsta", name: "Mats Matchare");
        var session = await app.SignInAsync(matcher);
        Assert.True(await SignedInAsync(session));

        var kista = await CentreIdAsync(app, "kista");
        var saved = await admin.SubmitFormAsync($"/Staff/Details/{matcher.Id}", new()
        {
            ["Input.Role"] = Roles.Matcher, ["Input.JobCentreId"] = kista.ToString(), ["Input.DistrictId"] = "1",
        }, $"/Staff/Details/{matcher.Id}?handler=Role");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var moved = await UserAsync(matcher.Id);
        Assert.Equal(kista, moved.JobCentreId);
        Assert.Null(moved.DistrictId); // what the role does not use is left out
        Assert.False(await SignedInAsync(session));

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Staff/Details/{matcher.Id}"));
        Assert.Contains("Matchare, Jobbtorg Farsta → Matchare, Jobbtorg Kista", page);
        Assert.Contains("Roll eller arbetsplats ändrad", page);

        // A role without the binding it needs is refused, and nothing changes.
        var refused = await admin.SubmitFormAsync($"/Staff/Details/{matcher.Id}", new() { ["Input.Role"] = Roles.CaseWorker },
            $"/Staff/Details/{matcher.Id}?handler=Role");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Välj stadsdelsområdet där handläggaren arbetar.", await PageTextAsync(refused));
        Assert.Equal(kista, (await UserAsync(matcher.Id)).JobCentreId);
    }

    [Fact]
    public async Task A_coach_with_open_cases_is_deactivated_after_handing_them_over_and_is_signed_out_at_once()
    {
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var leaving = await app.CreateUserAsync(Roles.Coach, centre: "farsta", name: "Lea Lämnar");
        var taker1 = await app.CreateUserAsync(Roles.Coach, centre: "farsta", name: "Tor Tarover");
        var taker2 = await app.CreateUserAsync(Roles.Coach, centre: "farsta", name: "Tea Tarover");
        var withConsent = await OpenCaseAsync(app, leaving, consent: true);
        var withoutConsent = await OpenCaseAsync(app, leaving, consent: false);
        var session = await app.SignInAsync(leaving);

        var refused = await admin.SubmitFormAsync($"/Staff/Details/{leaving.Id}", [], $"/Staff/Details/{leaving.Id}?handler=Deactivate");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("har fortfarande 2 öppna ärenden", await PageTextAsync(refused));
        Assert.True((await UserAsync(leaving.Id)).IsActive);
        Assert.True(await SignedInAsync(session));

        var handover = await admin.GetStringAsync($"/Staff/Handover/{leaving.Id}");
        Assert.Contains($"name=\"To[{withConsent}]\"", handover);
        Assert.DoesNotContain($"value=\"{leaving.Id}\"", handover); // the leaving coach is no choice
        var handed = await admin.SubmitFormAsync($"/Staff/Handover/{leaving.Id}", new()
        {
            ["AllTo"] = taker2.Id, [$"To[{withConsent}]"] = taker1.Id,
        });
        Assert.Equal(HttpStatusCode.Redirect, handed.StatusCode);

        Assert.Equal(taker1.Id, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == withConsent).Select(c => c.CoachId).SingleAsync()));
        Assert.Equal(taker2.Id, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == withoutConsent).Select(c => c.CoachId).SingleAsync()));
        Assert.Contains("Tor Tarover", await admin.GetStringAsync($"/Cases/Details/{withConsent}"));

        // The district hears who the new coach is and how to reach them, with the person's consent only.
        var messages = await app.WithDbAsync(db => db.DistrictMessages.Where(m => m.Kind == MessageKind.CoachChanged
            && (m.CaseId == withConsent || m.CaseId == withoutConsent)).ToDictionaryAsync(m => m.CaseId));
        Assert.True(messages[withConsent].HasDetails);
        Assert.Contains("Tor Tarover", messages[withConsent].Body);
        Assert.Contains(taker1.Email!, messages[withConsent].Body);
        Assert.False(messages[withoutConsent].HasDetails);
        Assert.DoesNotContain("Tarover", messages[withoutConsent].Body);
        Assert.Contains("\"consentRequired\":true", messages[withoutConsent].Body);
        Assert.Equal(StaffChangeKind.CasesHandedOver, (await ChangesOfAsync(leaving.Id)).Last().Kind);

        var deactivated = await admin.SubmitFormAsync($"/Staff/Details/{leaving.Id}", [], $"/Staff/Details/{leaving.Id}?handler=Deactivate");
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        Assert.False(await SignedInAsync(session));
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app, leaving.Email!, JobbtorgAppFactory.Password)).Response.StatusCode);
        Assert.DoesNotContain(leaving.Id, await admin.GetStringAsync("/Staff")); // the list shows active users unless asked
        Assert.Contains(leaving.Id, await admin.GetStringAsync("/Staff?status=Deactivated"));

        // Nothing was deleted: reactivated, the coach signs in again.
        var reactivated = await admin.SubmitFormAsync($"/Staff/Details/{leaving.Id}", [], $"/Staff/Details/{leaving.Id}?handler=Reactivate");
        Assert.Equal(HttpStatusCode.Redirect, reactivated.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(app, leaving.Email!, JobbtorgAppFactory.Password)).Response.StatusCode);
        Assert.Equal([StaffChangeKind.CasesHandedOver, StaffChangeKind.Deactivated, StaffChangeKind.Reactivated],
            (await ChangesOfAsync(leaving.Id)).Select(c => c.Kind));
    }

    [Fact]
    public async Task The_coachs_manager_hands_over_within_the_centre_and_a_deactivated_coach_is_no_choice()
    {
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        var leaving = await app.CreateUserAsync(Roles.Coach, centre: "farsta");
        var gone = await app.CreateUserAsync(Roles.Coach, centre: "farsta");
        var taker = await app.CreateUserAsync(Roles.Coach, centre: "farsta");
        var elsewhere = await app.CreateUserAsync(Roles.Coach, centre: "kista");
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == gone.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DeactivatedAt, app.Clock.GetUtcNow())));
        var caseId = await OpenCaseAsync(app, leaving, consent: true);

        Assert.Contains($"href=\"/Staff/Handover/{leaving.Id}\"", await manager.GetStringAsync("/")); // from the caseload on the start page
        var page = await manager.GetStringAsync($"/Staff/Handover/{leaving.Id}");
        Assert.Contains($"value=\"{taker.Id}\"", page);
        Assert.DoesNotContain($"value=\"{gone.Id}\"", page);
        Assert.DoesNotContain($"value=\"{elsewhere.Id}\"", page);

        // A coach who is no choice is refused even when posted by hand.
        var refused = await manager.SubmitFormAsync($"/Staff/Handover/{leaving.Id}", new() { ["AllTo"] = gone.Id });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(leaving.Id, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.CoachId).SingleAsync()));

        var handed = await manager.SubmitFormAsync($"/Staff/Handover/{leaving.Id}", new() { ["AllTo"] = taker.Id });
        Assert.Equal(HttpStatusCode.Redirect, handed.StatusCode);
        Assert.Equal(taker.Id, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.CoachId).SingleAsync()));

        // Kista's coaches are not a Farsta manager's to hand over; the staff pages are not a manager's at all.
        Assert.Equal("/Account/AccessDenied", await LandsOnAsync(manager, $"/Staff/Handover/{elsewhere.Id}"));
        Assert.Equal("/Account/AccessDenied", await LandsOnAsync(manager, "/Staff"));
    }

    [Fact]
    public async Task A_password_reset_ends_the_users_sessions_and_the_new_one_time_password_must_be_changed()
    {
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var analyst = await app.CreateUserAsync(Roles.Analyst, name: "Ann Analys");
        var session = await app.SignInAsync(analyst);

        var reset = await admin.SubmitFormAsync($"/Staff/Details/{analyst.Id}", [], $"/Staff/Details/{analyst.Id}?handler=ResetPassword");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var oneTime = OneTimePasswordOn(await reset.Content.ReadAsStringAsync());

        Assert.False(await SignedInAsync(session));
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app, analyst.Email!, JobbtorgAppFactory.Password)).Response.StatusCode);
        var (client, signIn) = await SignInAsync(app, analyst.Email!, oneTime);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/Account/Password", await LandsOnAsync(client, "/Reports"));
        Assert.Equal(StaffChangeKind.PasswordReset, (await ChangesOfAsync(analyst.Id)).Last().Kind);
        // The one-time password is never stored readable: only Identity's hash is.
        Assert.DoesNotContain(oneTime, await app.WithDbAsync(db => db.Users.Where(u => u.Id == analyst.Id).Select(u => u.PasswordHash!).SingleAsync()));
    }

    [Fact]
    public async Task Changing_ones_own_password_keeps_this_session_and_ends_the_others()
    {
        var user = await app.CreateUserAsync(Roles.Coach, centre: "kista");
        var here = await app.SignInAsync(user);
        var elsewhere = await app.SignInAsync(user);

        var saved = await here.SubmitFormAsync("/Account/Password", new()
        {
            ["Input.CurrentPassword"] = JobbtorgAppFactory.Password, ["Input.NewPassword"] = NewPassword, ["Input.RepeatPassword"] = NewPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await SignedInAsync(here));
        Assert.False(await SignedInAsync(elsewhere));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(app, user.Email!, NewPassword)).Response.StatusCode);
        Assert.Null((await UserAsync(user.Id)).DeactivatedAt);
    }

    [Fact]
    public async Task An_administrator_cannot_deactivate_their_own_account()
    {
        var adminUser = await app.CreateUserAsync(Roles.Administrator);
        var admin = await app.SignInAsync(adminUser);
        var self = await admin.SubmitFormAsync($"/Staff/Details/{adminUser.Id}", [], $"/Staff/Details/{adminUser.Id}?handler=Deactivate");
        Assert.Contains("Du kan inte inaktivera ditt eget konto.", await PageTextAsync(self));
        Assert.True((await UserAsync(adminUser.Id)).IsActive);
        Assert.True(await SignedInAsync(admin));
    }
}
