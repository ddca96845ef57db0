import {
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  DatabaseOutlined,
  HomeOutlined,
  LockOutlined,
  ProjectOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';
import type { IconKey } from './routes.ts';

const ICONS: Record<IconKey, ComponentType> = {
  home: HomeOutlined,
  rulebook: BookOutlined,
  setting: SettingOutlined,
  organisation: ApartmentOutlined,
  user: TeamOutlined,
  calendar: CalendarOutlined,
  audit: AuditOutlined,
  lock: LockOutlined,
  catalog: DatabaseOutlined,
  project: ProjectOutlined,
};

/** The icon of a route table entry (routes.ts holds only the key so it stays free of React). */
export function RouteIcon({ icon }: { icon: string | undefined }) {
  if (!icon || !isIconKey(icon)) return null;
  const Icon = ICONS[icon];
  return <Icon />;
}

const isIconKey = (key: string): key is IconKey => Object.hasOwn(ICONS, key);
