using System.Net;
using Jobbtorg.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Http;

/// <summary>The case worker is told the new case's number, the one everything else shows (JT-…), never its row id.</summary>
[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class ReferralConfirmationTests(JobbtorgAppFactory app)
{
    [Fact]
    public async Task The_referral_confirmation_names_the_case_number_not_the_database_id()
    {
        var caseWorker = await app.SignInAsNewAsync(Roles.CaseWorker, district: "enskede-arsta-vantor");
        var response = await caseWorker.SubmitFormAsync("/Referrals/New", new()
        {
            ["Input.PersonalNumber"] = TestPeople.Adult(app.Today), ["Input.FirstName"] = "Rut", ["Input.LastName"] = "Remiss",
            ["Input.District"] = "enskede-arsta-vantor", ["Input.TargetGroup"] = "UnemployedOnBenefit", ["Input.ReceivesBenefit"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        var caseRef = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.CaseRef).SingleAsync());
        Assert.StartsWith("JT-", caseRef);

        var page = await caseWorker.GetStringAsync(response.Headers.Location.OriginalString);
        Assert.Contains($"Anvisningen är registrerad som ärende {caseRef}.", page);
        Assert.DoesNotContain($"ärende {id}", page);
    }
}
