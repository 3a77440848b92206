using System.Globalization;
using System.Text.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.AccessLog;
using Jobbtorg.Features.FollowUp;
using Jobbtorg.Features.Placements;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Privacy;

/// <summary>
/// The register extract for an administrator: a personal identity number in (posted, never in the address), and
/// everything held about the person out, as a printable Swedish document or as the API's JSON.
/// </summary>
[RequirePermission(Permission.ProduceRegisterExtract)]
[ShowsPersonalData(Kind = AccessKind.Extract, ChangesOnly = true)]
public class ExtractModel(RegisterExtractBuilder builder, TimeProvider clock, Texts texts,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : PageModel
{
    [BindProperty] public string? PersonalNumber { get; set; }

    public RegisterExtract? Extract { get; private set; }

    /// <summary>The number was valid, but Jobbtorg holds nothing about the person.</summary>
    public bool NotHeld { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostJsonAsync()
    {
        if (!await LoadAsync()) return Page();
        var body = JsonSerializer.SerializeToUtf8Bytes(Extract, json.Value.SerializerOptions);
        return File(body, "application/json", $"registerutdrag-{Extract!.ProducedAt.ToStockholm():yyyy-MM-dd}.json");
    }

    private async Task<bool> LoadAsync()
    {
        if (!Identity.PersonalNumber.TryParse(PersonalNumber, clock.Today(), out var number, out var error))
        {
            ModelState.AddModelError(nameof(PersonalNumber), texts.Format(Input.PersonalNumberProblem(error)));
            return false;
        }
        Extract = await builder.BuildAsync(number.Value, HttpContext.RequestAborted);
        if (Extract is not null) return true;
        NotHeld = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return false;
    }

    /// <summary>An enumeration's Swedish label: the document is in Swedish whatever the language of the pages.</summary>
    public string Sv<T>(T? value) where T : struct, Enum => value is { } v ? Sv(v) : "–";

    public string Sv<T>(T v) where T : struct, Enum
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Texts.Swedish;
        try
        {
            return texts.Enum(v);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    public static string Sv(PlacementKind kind) => kind switch
    {
        PlacementKind.Internship => "Praktik",
        PlacementKind.Employment => "Anställning",
        PlacementKind.SubsidizedEmployment => "Anställning med stöd",
        PlacementKind.MunicipalJob => "Kommunalt jobb",
        _ => kind.ToString(),
    };

    public static string Sv(OccupationStatus status) => status switch
    {
        OccupationStatus.Working => "Arbetar",
        OccupationStatus.Studying => "Studerar",
        OccupationStatus.Neither => "Varken arbetar eller studerar",
        _ => status.ToString(),
    };

    public static string Sv(FollowUpSource source) => source switch
    {
        FollowUpSource.Register => "Register",
        FollowUpSource.Call => "Samtal",
        FollowUpSource.Letter => "Brev",
        _ => source.ToString(),
    };

    public static string Sv(AccessKind kind) => kind switch
    {
        AccessKind.Read => "Läsning",
        AccessKind.Change => "Ändring",
        AccessKind.Export => "Export",
        AccessKind.Extract => "Registerutdrag",
        _ => kind.ToString(),
    };

    public static string Sv(PrincipalKind kind) => kind switch
    {
        PrincipalKind.User => "Användare",
        PrincipalKind.ApiKey => "System (API-nyckel)",
        PrincipalKind.System => "Jobbtorg",
        _ => kind.ToString(),
    };

    public static string Sv(Assessments.Instrument instrument) => instrument switch
    {
        Assessments.Instrument.Initial => "Inledande bedömning",
        Assessments.Instrument.InDepth => "Fördjupad bedömning",
        _ => instrument.ToString(),
    };

    public static string Sv(Assessments.Availability? availability) => availability switch
    {
        Assessments.Availability.Available => "Står till arbetsmarknadens förfogande",
        Assessments.Availability.PartlyAvailable => "Står delvis till arbetsmarknadens förfogande",
        Assessments.Availability.NotAvailable => "Står inte till arbetsmarknadens förfogande",
        null => "–",
        _ => availability.ToString()!,
    };

    public static string Sv(Assessments.NeedCategory? need) => need switch
    {
        Assessments.NeedCategory.Standard => "Standardinsats",
        Assessments.NeedCategory.Situational => "Situationsbestämd insats",
        Assessments.NeedCategory.SpeciallyAdapted => "Särskilt anpassad insats",
        Assessments.NeedCategory.LongTermAdapted => "Varaktigt anpassad insats",
        null => "–",
        _ => need.ToString()!,
    };

    public static string YesNo(bool value) => value ? "Ja" : "Nej";

    public static string Date(DateOnly? date) => Texts.Date(date);

    public static string Time(DateTimeOffset? instant) => instant is { } i ? Texts.Instant(i) : "–";

    public static string Text(string? text) => string.IsNullOrWhiteSpace(text) ? "–" : text;
}
