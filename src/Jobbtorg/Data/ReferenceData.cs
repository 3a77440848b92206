using Jobbtorg.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Data;

/// <summary>Stockholm's organisation as the source documents describe it. Inserted once; later edits in
/// the database are kept (codes are never reused, retired districts stay).</summary>
public static class ReferenceData
{
    public static readonly (string Code, string Name, string? Parent, string? Address)[] JobCentres =
    [
        ("varberg", "Jobbtorg Vårberg", null, null),
        ("farsta", "Jobbtorg Farsta", null, null),
        ("rosenlundsgatan", "Jobbtorg Rosenlundsgatan", null, "Rosenlundsgatan 52, Stockholm"),
        ("vallingby", "Jobbtorg Vällingby", null, null),
        ("kista", "Jobbtorg Kista", null, null),
        ("lunda", "Jobbtorg Lunda", "kista", null),
        ("kista-ungdom", "Jobbtorg Kista ungdom", "kista", null),
    ];

    public static readonly (string Code, string Name, string AdultCentre)[] Districts =
    [
        ("rinkeby-kista", "Rinkeby-Kista", "kista"),
        ("spanga-tensta", "Spånga-Tensta", "kista"),
        ("hasselby-vallingby", "Hässelby-Vällingby", "vallingby"),
        ("bromma", "Bromma", "vallingby"),
        ("kungsholmen", "Kungsholmen", "rosenlundsgatan"),
        ("norrmalm", "Norrmalm", "rosenlundsgatan"),
        ("ostermalm", "Östermalm", "rosenlundsgatan"),
        ("sodermalm", "Södermalm", "rosenlundsgatan"),
        ("enskede-arsta-vantor", "Enskede-Årsta-Vantör", "farsta"),
        ("skarpnack", "Skarpnäck", "farsta"),
        ("farsta", "Farsta", "farsta"),
        ("alvsjo", "Älvsjö", "varberg"),
        ("hagersten-liljeholmen", "Hägersten-Liljeholmen", "varberg"),
        ("skarholmen", "Skärholmen", "varberg"),
    ];

    public const string YouthCentre = "kista-ungdom";

    // Enskede-Årsta-Vantör's 26 adult places a week is the figure in the source documents; the other
    // districts start from a configurable default that managers adjust.
    public const int DefaultAdultQuota = 20;
    public const int DefaultYouthQuota = 8;
    public static readonly Dictionary<string, int> AdultQuotas = new() { ["enskede-arsta-vantor"] = 26 };

    public static readonly (string Code, string Sv, string En, bool DailyAttendance, bool External)[] ActivityTypes =
    [
        ("active-job-search", "Aktivt jobbsökande på jobbtorget", "Active job search at the centre", true, false),
        ("start-up-group", "Uppstartsgrupp (varje vecka)", "Weekly start-up group", true, false),
        ("communication-course", "Kommunikationskurs", "Communication course", true, true),
        ("sfi", "SFI – svenska för invandrare", "SFI – Swedish for immigrants", true, true),
        ("employer-matching", "Matchning mot arbetsgivare", "Matching to an employer", false, false),
        ("internship", "Praktik", "Internship", true, false),
        ("vocational-training", "Kort yrkesutbildning (t.ex. truckkort)", "Short vocational training (e.g. forklift licence)", true, true),
        ("study-guidance", "Studie- och yrkesvägledning", "Study and career guidance", false, false),
        ("sfi-test", "SFI-test", "SFI test", false, true),
        ("language-internship", "Språk- och introduktionspraktik", "Language and introduction internship", true, false),
        ("validation", "Validering av kompetens", "Validation of skills", false, true),
        ("af-programme", "Arbetsförmedlingens program", "Public employment service programme", false, true),
        ("business-advice", "Rådgivning för att starta eget", "Start-your-own-business advice", false, true),
        ("municipal-job", "Stockholmsjobb (kommunal anställning)", "Municipal job (Stockholmsjobb)", true, false),
    ];

    public static readonly (string Name, string OrganisationNumber)[] Providers =
    [
        ("Stockholms stad, arbetsmarknadsförvaltningen", "2120000142"),
        ("Språkskolan Söder AB", "5599000006"),
        ("Yrkesakademin Truck & Lager AB", "5599000014"),
    ];

    public static readonly (string Code, string Name, decimal AnnualCost)[] SpecialProgrammes =
    [
        ("youth", "Ungdomsspåret", 0m),
        ("leaving-crime", "Avhopparteamet", 2_150_000m), // the 2023 estimate in the source documents
        ("newly-arrived", "Nyanlända", 0m),
    ];

    public static async Task SeedAsync(JobbtorgDb db, CancellationToken ct = default)
    {
        if (await db.JobCentres.AnyAsync(ct)) return;

        var centres = new Dictionary<string, JobCentre>();
        foreach (var (code, name, parent, address) in JobCentres.Where(c => c.Parent is null))
            centres[code] = db.JobCentres.Add(new JobCentre { Code = code, Name = name, Address = address }).Entity;
        await db.SaveChangesAsync(ct);
        foreach (var (code, name, parent, address) in JobCentres.Where(c => c.Parent is not null))
            centres[code] = db.JobCentres.Add(new JobCentre { Code = code, Name = name, Address = address, ParentId = centres[parent!].Id }).Entity;
        await db.SaveChangesAsync(ct);

        foreach (var (code, name, adult) in Districts)
        {
            var district = db.Districts.Add(new District
            {
                Code = code, Name = name, AdultJobCentreId = centres[adult].Id, YouthJobCentreId = centres[YouthCentre].Id,
            }).Entity;
            await db.SaveChangesAsync(ct);
            db.DistrictQuotas.Add(new DistrictQuota { DistrictId = district.Id, Kind = MeetingKind.Adult, PlacesPerWeek = AdultQuotas.GetValueOrDefault(code, DefaultAdultQuota) });
            db.DistrictQuotas.Add(new DistrictQuota { DistrictId = district.Id, Kind = MeetingKind.Youth, PlacesPerWeek = DefaultYouthQuota });
        }
        foreach (var (code, sv, en, daily, external) in ActivityTypes)
            db.ActivityTypes.Add(new ActivityType { Code = code, NameSv = sv, NameEn = en, RequiresDailyAttendance = daily, ExternalProvider = external });
        foreach (var (name, number) in Providers)
            db.Providers.Add(new Provider { Name = name, OrganisationNumber = number });
        foreach (var (code, name, cost) in SpecialProgrammes)
            db.SpecialProgrammes.Add(new SpecialProgramme { Code = code, Name = name, AnnualCost = cost });
        await db.SaveChangesAsync(ct);
    }
}
