import { HomeScreen } from "@/components/home-screen";
import { categorySummaries } from "@/lib/categories/registry";

export default function HomePage() {
  return <HomeScreen categories={categorySummaries()} />;
}
