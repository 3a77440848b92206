using Jobbtorg.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobbtorg.Features.Programmes;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> b)
    {
        b.Property(x => x.Name).HasMaxLength(Programme.NameMaxLength);
        b.Property(x => x.NameKey).HasMaxLength(Programme.NameMaxLength);
        b.Property(x => x.Description).HasMaxLength(Programme.DescriptionMaxLength);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        // One programme per name, whatever the letter case: two creating it at once get one.
        b.HasIndex(x => x.NameKey).IsUnique();
        b.HasMany(x => x.Years).WithOne().HasForeignKey(y => y.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProgrammeYearConfiguration : IEntityTypeConfiguration<ProgrammeYear>
{
    public void Configure(EntityTypeBuilder<ProgrammeYear> b)
    {
        b.HasIndex(x => new { x.ProgrammeId, x.Year }).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("CK_ProgrammeYear_FundingWithinCost",
            "\"ExternalFunding\" >= 0 AND \"ExternalFunding\" <= \"Cost\""));
    }
}

internal sealed class ProgrammeMembershipConfiguration : IEntityTypeConfiguration<ProgrammeMembership>
{
    public void Configure(EntityTypeBuilder<ProgrammeMembership> b)
    {
        b.HasOne(x => x.Programme).WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Case).WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.JoinedBy).HasMaxLength(ProgrammeMembership.ByMaxLength);
        b.Property(x => x.LeftBy).HasMaxLength(ProgrammeMembership.ByMaxLength);
        // A case is in a programme once at a time: two adding the same membership at once store one.
        b.HasIndex(x => new { x.CaseId, x.ProgrammeId }).IsUnique().HasFilter("\"LeftOn\" IS NULL")
            .HasDatabaseName("IX_ProgrammeMembership_OneOpenPerCase");
        b.HasIndex(x => new { x.ProgrammeId, x.JoinedOn });
    }
}
